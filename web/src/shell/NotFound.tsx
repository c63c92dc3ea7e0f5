import { Link } from 'react-router';
import { t } from '../i18n';

export function NotFound() {
  return (
    <main id="main" className="narrow">
      <h1>{t.notFound.title}</h1>
      <p>{t.notFound.body}</p>
      <p>
        <Link to="/">{t.notFound.home}</Link>
      </p>
    </main>
  );
}
