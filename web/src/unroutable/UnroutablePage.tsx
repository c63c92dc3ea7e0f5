import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { t } from '../i18n';
import { useLiveFigures } from '../live-queue/queries';
import { languageLabel } from '../shared/languages';
import { formatDuration, secondsBetween } from '../shared/time';
import { BackToConsole } from '../shared/ui/BackToConsole';
import { Facts } from '../shared/ui/Facts';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { useNow } from '../shared/ui/use-now';
import { languagesWithUnroutable, stuckLongestFirst } from './unroutable';

/** The service flags such work every few seconds: reading it as often shows each change promptly. */
const REFRESH_MS = 5_000;
const SHOWN = 200;

function useUnroutable() {
  return useQuery({
    queryKey: ['conversations', 'unroutable'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/conversations', { params: { query: { unroutable: true, status: 'queued', limit: SHOWN } } })).items,
    refetchInterval: REFRESH_MS,
  });
}

/** Work nobody on the roster can take: the count (live figures), per language, and each conversation with what is missing. */
export function UnroutablePage() {
  const figures = useLiveFigures();
  const stuck = useUnroutable();
  const now = useNow();
  const languages = figures.data ? languagesWithUnroutable(figures.data.byLanguage) : [];

  return (
    <main id="main">
      <BackToConsole />
      <h1>{t.unroutable.title}</h1>
      <p>{t.unroutable.intro}</p>
      {figures.data && <Facts items={[[t.unroutable.total, figures.data.unroutable]]} />}

      {languages.length > 0 && (
        <section aria-labelledby="unroutable-languages-heading" className="panel">
          <h2 id="unroutable-languages-heading">{t.unroutable.byLanguage}</h2>
          <div className="table-scroll" tabIndex={0} role="group" aria-labelledby="unroutable-languages-heading">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.unroutable.language}</th>
                  <th scope="col">{t.unroutable.count}</th>
                  <th scope="col">{t.unroutable.waiting}</th>
                </tr>
              </thead>
              <tbody>
                {languages.map((row) => (
                  <tr key={row.language}>
                    <th scope="row">{languageLabel(row.language)}</th>
                    <td>{row.unroutable}</td>
                    <td>{row.queued}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      <section aria-labelledby="unroutable-list-heading" className="panel">
        <h2 id="unroutable-list-heading">{t.unroutable.list}</h2>
        {stuck.data?.length ? (
          <ol className="cards">
            {stuckLongestFirst(stuck.data).map((conversation) => (
              <li key={conversation.id} className="card">
                <p className="passenger-text card-title">
                  {conversation.fromName ? `${String(conversation.fromName)} (${conversation.handle})` : conversation.handle}
                  {conversation.flightNumber ? ` · ${String(conversation.flightNumber)}` : ''}
                </p>
                <p className="unroutable-reason">{t.unroutable.reason(conversation.unroutable!.reason)}</p>
                <p className="meta">
                  {languageLabel(conversation.language)} · {t.channels[conversation.channel] ?? conversation.channel} ·{' '}
                  {t.unroutable.waitingFor(formatDuration(secondsBetween(conversation.receivedAt, now)))} ·{' '}
                  {t.unroutable.since(formatDuration(secondsBetween(conversation.unroutable!.since, now)))}
                </p>
              </li>
            ))}
          </ol>
        ) : (
          <p>{stuck.isPending ? t.loading : t.unroutable.none}</p>
        )}
      </section>
      <Feedback error={messageOf(figures.error ?? stuck.error)} />
    </main>
  );
}
