import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { t } from '../i18n';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { type SessionUser, useLogOut } from './session';

/** Header on every screen: the name of the service, who is logged in and "Log out". */
export function Layout({ user, children }: { user: SessionUser | null; children: ReactNode }) {
  const logOut = useLogOut();
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          {t.appName}
        </Link>
        {user && (
          <div className="account">
            <span className="who">{t.signedInAs(user.name)}</span>
            <button type="button" className="secondary" onClick={() => logOut.mutate()} disabled={logOut.isPending}>
              {t.login.logOut}
            </button>
          </div>
        )}
      </header>
      {logOut.error ? <Feedback error={messageOf(logOut.error)} /> : null}
      {children}
    </>
  );
}
