import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { queryClient } from '../api/query-client';
import { t } from '../i18n';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { Field } from '../shared/ui/Field';
import { FormActions } from '../shared/ui/FormActions';
import { BackToConsole } from '../shared/ui/BackToConsole';
import { formatDateTime } from '../shared/time';
import { incidentKey, INCIDENTS_KEY, useIncidents } from './queries';

/** Incidents, newest first, and "New incident". */
export function IncidentsPage() {
  const incidents = useIncidents();
  const [creating, setCreating] = useState(false);
  return (
    <main id="main">
      <BackToConsole />
      <h1>{t.incidents.title}</h1>
      <div className="actions">
        <button type="button" aria-expanded={creating} onClick={() => setCreating((open) => !open)}>
          {t.incidents.new}
        </button>
      </div>
      {creating && <NewIncidentForm onCancel={() => setCreating(false)} />}
      {incidents.isPending ? (
        <p>{t.loading}</p>
      ) : incidents.data?.length ? (
        <ul className="cards" aria-label={t.incidents.list}>
          {incidents.data.map((incident) => (
            <li key={incident.id} className="card">
              <Link to={`/incidents/${incident.id}`} className="card-title">
                {incident.name}
              </Link>
              <p>
                {incident.status === 'closed' ? t.incidents.closed : incident.surgeActive ? t.incidents.surgeOn : t.incidents.surgeOff}
                {' · '}
                {t.incidents.createdAt(formatDateTime(incident.createdAt))}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.incidents.none}</p>
      )}
      <Feedback error={messageOf(incidents.error)} />
    </main>
  );
}

function NewIncidentForm({ onCancel }: { onCancel: () => void }) {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [slaMinutes, setSlaMinutes] = useState('60');
  const create = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/incidents', {
          body: { name: name.trim(), ...(description.trim() ? { description: description.trim() } : {}), slaMinutes: Number(slaMinutes) },
        }),
      ),
    onSuccess: async (incident) => {
      queryClient.setQueryData(incidentKey(incident.id), incident);
      await queryClient.invalidateQueries({ queryKey: INCIDENTS_KEY, exact: true });
      navigate(`/incidents/${incident.id}`, { state: { notice: t.incidents.created(incident.name) } });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <form onSubmit={submit} className="stack panel" aria-labelledby="new-incident-heading">
      <h2 id="new-incident-heading">{t.incidents.new}</h2>
      <Field label={t.incidents.name} render={(a11y) => <input {...a11y} type="text" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />} />
      <Field
        label={t.incidents.description}
        render={(a11y) => <textarea {...a11y} rows={2} maxLength={2000} value={description} onChange={(e) => setDescription(e.target.value)} />}
      />
      <Field
        label={t.incidents.slaMinutes}
        hint={t.incidents.slaHint}
        render={(a11y) => <input {...a11y} type="number" min={1} max={10080} required value={slaMinutes} onChange={(e) => setSlaMinutes(e.target.value)} />}
      />
      <FormActions submit={t.incidents.create} busy={create.isPending} disabled={!name.trim()} onCancel={onCancel} />
      <Feedback error={messageOf(create.error)} />
    </form>
  );
}
