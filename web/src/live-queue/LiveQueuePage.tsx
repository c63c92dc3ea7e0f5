import { useEffect, useRef } from 'react';
import { useEventStream } from '../api/event-stream';
import { readAgain } from '../api/query-client';
import { t } from '../i18n';
import { languageLabel } from '../shared/languages';
import { formatDuration, secondsBetween } from '../shared/time';
import { BackToConsole } from '../shared/ui/BackToConsole';
import { Facts } from '../shared/ui/Facts';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { useNow } from '../shared/ui/use-now';
import { longestWaitNow, RefreshScheduler, sortLanguages } from './live-queue';
import { HISTORY_SPAN, LIVE_FIGURES_TTL_MS, LIVE_KEY, useHistory, useLiveFigures, useLongestWaiting } from './queries';
import { QueueChart } from './QueueChart';

const EVENTS_URL = '/api/v1/events/stream';
const MIN_REFRESH_GAP_MS = 1000;

/** Every event on the audit stream (assignments, replies, sign-ins, …) makes the figures be read again. */
function useLiveRefresh(): boolean {
  const scheduler = useRef<RefreshScheduler | null>(null);
  useEffect(() => {
    const current = new RefreshScheduler(() => void readAgain({ queryKey: LIVE_KEY }), MIN_REFRESH_GAP_MS, LIVE_FIGURES_TTL_MS + 500);
    scheduler.current = current;
    return () => current.stop();
  }, []);
  return useEventStream(EVENTS_URL, {
    onReady: () => void readAgain({ queryKey: LIVE_KEY }),
    onMessage: () => scheduler.current?.eventArrived(),
  });
}

/** The live queue: per language waiting, longest wait and agents available; the longest-waiting conversations; the last hours as a chart. */
export function LiveQueuePage() {
  const connected = useLiveRefresh();
  const figures = useLiveFigures();
  const waiting = useLongestWaiting();
  const history = useHistory();
  const now = useNow();
  const live = figures.data;

  return (
    <main id="main">
      <BackToConsole />
      <h1>{t.incidentConsole.links.liveQueue}</h1>
      {!connected && <p role="status">{t.liveQueue.disconnected}</p>}
      {live && (
        <Facts
          label={t.liveQueue.totals}
          items={[
            [t.liveQueue.surge, live.incident ? live.incident.name : t.liveQueue.noSurge],
            [t.liveQueue.waiting, live.queued],
            [t.liveQueue.assigned, live.assigned],
            [t.liveQueue.agentsAvailable, live.agentsAvailable],
            [t.liveQueue.longestWait, formatDuration(longestWaitNow(live, live.updatedAt, now))],
            [t.liveQueue.firstResponse, live.firstResponse.p50Seconds === null ? '–' : formatDuration(Number(live.firstResponse.p50Seconds))],
          ]}
        />
      )}

      <section aria-labelledby="by-language-heading" className="panel">
        <h2 id="by-language-heading">{t.liveQueue.byLanguage}</h2>
        {live ? (
          // Focusable, so that a keyboard can scroll the table sideways on a narrow screen.
          <div className="table-scroll" tabIndex={0} role="group" aria-labelledby="by-language-heading">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.liveQueue.language}</th>
                  <th scope="col">{t.liveQueue.waiting}</th>
                  <th scope="col">{t.liveQueue.longestWait}</th>
                  <th scope="col">{t.liveQueue.agentsAvailable}</th>
                </tr>
              </thead>
              <tbody>
                {sortLanguages(live.byLanguage).map((row) => (
                  <tr key={row.language} className={row.queued > 0 && row.agentsAvailable === 0 ? 'gap' : undefined}>
                    <th scope="row">{languageLabel(row.language)}</th>
                    <td>{row.queued}</td>
                    <td>{row.queued ? formatDuration(longestWaitNow(row, live.updatedAt, now)) : '–'}</td>
                    <td>{row.agentsAvailable}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {live.byLanguage.length === 0 && <p>{t.liveQueue.empty}</p>}
            <p className="hint">{t.liveQueue.updatedAt(formatDuration(Math.max(0, secondsBetween(live.updatedAt, now))))}</p>
          </div>
        ) : (
          <p>{t.loading}</p>
        )}
      </section>

      <section aria-labelledby="longest-waiting-heading" className="panel">
        <h2 id="longest-waiting-heading">{t.liveQueue.longestWaiting}</h2>
        {waiting.data?.length ? (
          <ol className="cards">
            {waiting.data.map((conversation) => (
              <li key={conversation.id} className="card">
                <p className="passenger-text card-title">
                  {conversation.fromName ? `${String(conversation.fromName)} (${conversation.handle})` : conversation.handle}
                  {conversation.flightNumber ? ` · ${String(conversation.flightNumber)}` : ''}
                </p>
                <p className="meta">
                  {languageLabel(conversation.language)} · {t.channels[conversation.channel] ?? conversation.channel} ·{' '}
                  {t.liveQueue.waitingFor(formatDuration(secondsBetween(conversation.receivedAt, now)))}
                  {conversation.unroutable ? ` · ${t.liveQueue.unroutable}` : ''}
                </p>
              </li>
            ))}
          </ol>
        ) : (
          <p>{waiting.isPending ? t.loading : t.liveQueue.nobodyWaiting}</p>
        )}
      </section>

      <section aria-labelledby="history-heading" className="panel">
        <h2 id="history-heading">{t.liveQueue.history(HISTORY_SPAN.hours)}</h2>
        {history.data ? <QueueChart points={history.data.points} summary={chartSummary(history.data.points)} /> : <p>{t.loading}</p>}
      </section>
      <Feedback error={messageOf(figures.error ?? waiting.error ?? history.error)} />
    </main>
  );
}

function chartSummary(points: readonly { waiting: number; firstResponseP50Seconds: number | null }[]): string {
  if (points.length === 0) return '';
  const peak = Math.max(...points.map((point) => point.waiting));
  const latestResponse = [...points].reverse().find((point) => point.firstResponseP50Seconds !== null)?.firstResponseP50Seconds ?? null;
  return t.liveQueue.chartSummary(points[points.length - 1].waiting, peak, latestResponse === null ? null : formatDuration(latestResponse));
}
