import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { api, ApiError, unwrap } from '../api/client';
import { queryClient } from '../api/query-client';
import { t } from '../i18n';
import { useIncidents } from '../incidents/queries';
import { errorsByPath, GENERAL } from '../shared/field-errors';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { Field, type FieldA11y } from '../shared/ui/Field';
import { ROSTER_KEY } from './queries';
import { emptyShiftForm, readShiftForm, SHIFT_FIELDS, type ShiftBody, type ShiftErrors, type ShiftField, type ShiftForm as Form } from './shift-form';

/** "New shift": checked beside each field before sending; the service's 400 messages stand beside the fields they name. */
export function ShiftForm({ onCreated, onStart }: { onCreated: () => void; onStart: () => void }) {
  const [form, setForm] = useState<Form>(emptyShiftForm);
  const [errors, setErrors] = useState<ShiftErrors>({});
  const incidents = useIncidents();
  const create = useMutation({
    mutationFn: async (body: ShiftBody) => unwrap(await api.POST('/api/v1/shifts', { body })),
    onSuccess: async () => {
      setForm(emptyShiftForm());
      await queryClient.invalidateQueries({ queryKey: ROSTER_KEY });
      onCreated();
    },
    onError: (error) => setErrors(error instanceof ApiError && error.status === 400 ? errorsByPath(error.messages, SHIFT_FIELDS) : { [GENERAL]: [messageOf(error) ?? ''] }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    onStart();
    const read = readShiftForm(form);
    setErrors(read.errors);
    if (read.body) create.mutate(read.body);
  }

  const field = (name: ShiftField, label: string, hint: string, render: (a11y: FieldA11y & { 'aria-invalid': boolean }) => ReactNode) => (
    <Field label={label} hint={errors[name]?.join(' ') ?? hint} className={errors[name] ? 'invalid' : undefined} render={(a11y) => render({ ...a11y, 'aria-invalid': Boolean(errors[name]) })} />
  );
  const input = (name: Exclude<ShiftField, 'incidentId'>, type: string) => (a11y: FieldA11y) => (
    <input {...a11y} type={type} value={form[name]} onChange={(e) => setForm((current) => ({ ...current, [name]: e.target.value }))} />
  );
  const fieldErrors = Object.keys(errors).filter((key) => key !== GENERAL).length > 0;

  return (
    <form onSubmit={submit} className="stack panel" noValidate aria-labelledby="new-shift-heading">
      <h2 id="new-shift-heading">{t.roster.newShift}</h2>
      <div className="row">
        {field('startsAt', t.roster.startsAt, t.roster.timeHint, input('startsAt', 'datetime-local'))}
        {field('endsAt', t.roster.endsAt, t.roster.timeHint, input('endsAt', 'datetime-local'))}
        {field('slots', t.roster.slotsField, t.roster.slotsHint, input('slots', 'number'))}
      </div>
      <div className="row">
        {field('languages', t.roster.languages, t.roster.languagesHint, input('languages', 'text'))}
        {field('skills', t.roster.skills, t.roster.skillsHint, input('skills', 'text'))}
        {field('incidentId', t.roster.incident, '', (a11y) => (
          <select {...a11y} value={form.incidentId} onChange={(e) => setForm((current) => ({ ...current, incidentId: e.target.value }))}>
            <option value="">{t.roster.noIncident}</option>
            {(incidents.data ?? [])
              .filter((incident) => incident.status === 'open')
              .map((incident) => (
                <option key={incident.id} value={incident.id}>
                  {incident.name}
                </option>
              ))}
          </select>
        ))}
      </div>
      <div className="actions">
        <button type="submit" disabled={create.isPending}>
          {t.roster.create}
        </button>
      </div>
      <Feedback error={errors[GENERAL]?.join(' ') ?? (fieldErrors ? t.roster.notCreated : null)} />
    </form>
  );
}
