import { useLocation } from 'react-router';
import { t } from '../i18n';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { MyConversations } from './MyConversations';
import { Presence } from './Presence';
import { useMe } from './queries';
import { Shifts } from './Shifts';

/** The agent's desk: presence, shifts (volunteers) and, while signed in, the live list of their work. */
export function DeskPage() {
  const me = useMe();
  const notice = (useLocation().state as { notice?: string } | null)?.notice ?? null;

  return (
    <main id="main">
      <h1>{t.desk.title}</h1>
      {notice && <p role="status">{notice}</p>}
      {me.data ? (
        <div className="desk">
          <Presence me={me.data} />
          {me.data.presence && me.data.presence !== 'offline' && <MyConversations />}
          {me.data.kind === 'volunteer' && <Shifts me={me.data} />}
        </div>
      ) : me.isPending ? (
        <p>{t.loading}</p>
      ) : (
        <Feedback error={messageOf(me.error)} />
      )}
    </main>
  );
}
