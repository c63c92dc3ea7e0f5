import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import { queryClient } from '../api/query-client';
import { t } from '../i18n';
import { formatDateTime } from '../shared/time';
import { BackToConsole } from '../shared/ui/BackToConsole';
import { ConfirmDialog } from '../shared/ui/ConfirmDialog';
import { Facts } from '../shared/ui/Facts';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { Invites } from './Invites';
import { type Incident, incidentKey, INCIDENTS_KEY, useIncident } from './queries';

type Action = 'activate' | 'deactivate' | 'close';

const ACTION_PATHS = {
  activate: '/api/v1/incidents/{id}/surge/activate',
  deactivate: '/api/v1/incidents/{id}/surge/deactivate',
  close: '/api/v1/incidents/{id}/close',
} as const;

/** A refused switch said in words: a 409 names the conflict (another incident's surge, a closed incident). */
function actionError(error: unknown): string | null {
  if (error instanceof ApiError && error.status === 409) return t.incident.conflict(error.message);
  return messageOf(error);
}

/** One incident: its facts, the surge switch behind a confirmation, its surge history, closing, invites. */
export function IncidentPage() {
  const { id = '' } = useParams();
  const incident = useIncident(id);
  return (
    <main id="main">
      <BackToConsole to="/incidents" label={t.incident.back} />
      {incident.data ? (
        <IncidentDetail incident={incident.data} />
      ) : incident.isPending ? (
        <p>{t.loading}</p>
      ) : (
        <>
          <h1>{t.incident.missing}</h1>
          <Feedback error={messageOf(incident.error)} />
        </>
      )}
    </main>
  );
}

function IncidentDetail({ incident }: { incident: Incident }) {
  const location = useLocation();
  const [asking, setAsking] = useState<Action | null>(null);
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const act = useMutation({
    mutationFn: async (action: Action) => unwrap(await api.POST(ACTION_PATHS[action], { params: { path: { id: incident.id } } })),
    onMutate: () => setNotice(null),
    onSuccess: (updated, action) => {
      queryClient.setQueryData(incidentKey(incident.id), updated);
      setNotice(t.incident.done[action]);
    },
    onSettled: async () => {
      setAsking(null);
      await queryClient.invalidateQueries({ queryKey: INCIDENTS_KEY });
    },
  });
  const open = incident.status === 'open';
  const surgeAction: Action = incident.surgeActive ? 'deactivate' : 'activate';

  return (
    <>
      <h1>{incident.name}</h1>
      {incident.description ? <p className="passenger-text">{String(incident.description)}</p> : null}
      <Facts
        items={[
          [t.incident.status, open ? t.incident.open : t.incidents.closed],
          [t.incident.surge, incident.surgeActive ? t.incidents.surgeOn : t.incidents.surgeOff],
          [t.incident.sla, t.incident.minutes(incident.slaMinutes)],
          [t.incident.created, formatDateTime(incident.createdAt)],
        ]}
      />

      {open && (
        <div className="actions">
          <button type="button" onClick={() => setAsking(surgeAction)}>
            {incident.surgeActive ? t.incident.deactivate : t.incident.activate}
          </button>
          {!incident.surgeActive && (
            <button type="button" className="secondary" onClick={() => setAsking('close')}>
              {t.incident.close}
            </button>
          )}
        </div>
      )}
      <Feedback error={actionError(act.error)} notice={notice} />
      {asking && (
        <ConfirmDialog title={t.incident.confirmTitle[asking]} busy={act.isPending} onConfirm={() => act.mutate(asking)} onCancel={() => setAsking(null)}>
          <p>{t.incident.confirmBody[asking](incident.name)}</p>
        </ConfirmDialog>
      )}

      <section aria-labelledby="surge-history-heading" className="panel">
        <h2 id="surge-history-heading">{t.incident.history}</h2>
        {incident.surgeHistory.length === 0 ? (
          <p>{t.incident.noHistory}</p>
        ) : (
          <ol className="plain-list">
            {[...incident.surgeHistory].reverse().map((entry) => (
              <li key={`${entry.at}-${entry.action}`}>
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> · {t.incident.historyEntry(entry.action, entry.actorName ? String(entry.actorName) : null)}
              </li>
            ))}
          </ol>
        )}
      </section>

      {open && <Invites incident={incident} />}
    </>
  );
}
