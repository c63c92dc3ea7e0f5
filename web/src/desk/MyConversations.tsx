import { Link } from 'react-router';
import { t } from '../i18n';
import { languageLabel } from '../shared/languages';
import { formatDuration, secondsBetween, slaState } from '../shared/time';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { useNow } from '../shared/ui/use-now';
import { DEFAULT_SLA_MINUTES, useMyConversations, useSurge } from './queries';
import { byWaitingTime, type Conversation, latestPassengerText, waitingSince } from './work-list';
import { useWorkStreamConnected } from './WorkStream';

export function SlaLeft({ conversation, slaMinutes, now }: { conversation: Conversation; slaMinutes: number; now: Date }) {
  const state = slaState(conversation.receivedAt, conversation.firstResponseAt != null, slaMinutes, now);
  if (state.kind === 'answered') return <>{t.desk.answered}</>;
  if (state.kind === 'remaining') return <>{t.desk.slaRemaining(formatDuration(state.seconds))}</>;
  return <strong className="overdue">{t.desk.slaOverdue(formatDuration(state.seconds))}</strong>;
}

/** The agent's open conversations, live: each opens by its passenger's latest text. */
export function MyConversations() {
  const conversations = useMyConversations(true);
  const surge = useSurge();
  const connected = useWorkStreamConnected();
  const now = useNow();
  const slaMinutes = surge.data?.incident?.slaMinutes ?? DEFAULT_SLA_MINUTES;
  const list = [...(conversations.data ?? [])].sort(byWaitingTime);

  return (
    <section aria-labelledby="work-heading" className="panel">
      <h2 id="work-heading">{t.desk.myConversations}</h2>
      {!connected && <p role="status">{t.desk.liveDisconnected}</p>}
      {conversations.isPending ? (
        <p>{t.loading}</p>
      ) : list.length === 0 ? (
        <p>{t.desk.noConversations}</p>
      ) : (
        <ul className="cards">
          {list.map((conversation) => {
            const since = waitingSince(conversation);
            return (
              <li key={conversation.id} className="card">
                <Link to={`/conversations/${conversation.id}`} className="passenger-text">
                  {latestPassengerText(conversation)}
                </Link>
                <dl className="facts">
                  <div>
                    <dt>{t.desk.language}</dt>
                    <dd>{languageLabel(conversation.language)}</dd>
                  </div>
                  <div>
                    <dt>{t.desk.channel}</dt>
                    <dd>{t.channels[conversation.channel] ?? conversation.channel}</dd>
                  </div>
                  <div>
                    <dt>{t.desk.waiting}</dt>
                    <dd>{since ? formatDuration(Math.max(0, secondsBetween(since, now))) : t.desk.answered}</dd>
                  </div>
                  <div>
                    <dt>{t.desk.slaLeft}</dt>
                    <dd>
                      <SlaLeft conversation={conversation} slaMinutes={slaMinutes} now={now} />
                    </dd>
                  </div>
                </dl>
              </li>
            );
          })}
        </ul>
      )}
      <Feedback error={messageOf(conversations.error)} />
    </section>
  );
}
