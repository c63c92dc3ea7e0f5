import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiError, unwrap } from '../api/client';
import { t } from '../i18n';
import { errorsByPath, GENERAL } from '../shared/field-errors';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { Field } from '../shared/ui/Field';
import { FormActions } from '../shared/ui/FormActions';
import { type Agent, AGENT_FIELDS, type AgentBody, type AgentErrors, type AgentField, type AgentForm, agentToForm, readAgentForm } from './agent-form';

/** Where a refusal that names no field path belongs (409: "maxConcurrent 1 is below the current load 2"). */
function errorsOf(error: unknown): AgentErrors {
  if (error instanceof ApiError && (error.status === 400 || error.status === 409)) {
    const errors = errorsByPath(error.messages, AGENT_FIELDS);
    if (error.status === 409 && errors[GENERAL]?.some((message) => message.includes('maxConcurrent'))) return { maxConcurrent: errors[GENERAL] };
    return errors;
  }
  return { [GENERAL]: [messageOf(error) ?? ''] };
}

/** An agent's languages, skills and capacity, changed through PATCH /agents/:id. */
export function AgentEditor({ agent, onDone }: { agent: Agent; onDone: (saved: Agent | null) => void }) {
  const [form, setForm] = useState<AgentForm>(() => agentToForm(agent));
  const [errors, setErrors] = useState<AgentErrors>({});
  const save = useMutation({
    mutationFn: async (body: AgentBody) => unwrap(await api.PATCH('/api/v1/agents/{id}', { params: { path: { id: agent.id } }, body })),
    onSuccess: (saved) => onDone(saved),
    onError: (error) => setErrors(errorsOf(error)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const read = readAgentForm(form);
    setErrors(read.errors);
    if (read.body) save.mutate(read.body);
  }

  const field = (name: AgentField, label: string, hint: string, type: string) => (
    <Field
      label={label}
      hint={errors[name]?.join(' ') ?? hint}
      className={errors[name] ? 'invalid' : undefined}
      render={(a11y) => (
        <input {...a11y} aria-invalid={Boolean(errors[name])} type={type} value={form[name]} onChange={(e) => setForm((current) => ({ ...current, [name]: e.target.value }))} />
      )}
    />
  );
  const fieldErrors = Object.keys(errors).some((key) => key !== GENERAL);

  return (
    <form onSubmit={submit} className="stack" noValidate aria-label={t.agents.editTitle(agent.name)}>
      {field('languages', t.agents.languages, t.agents.languagesHint, 'text')}
      {field('skills', t.agents.skills, t.agents.skillsHint, 'text')}
      {field('maxConcurrent', t.agents.maxConcurrent, t.agents.maxConcurrentHint, 'number')}
      <FormActions submit={t.agents.save} busy={save.isPending} onCancel={() => onDone(null)} />
      <Feedback error={errors[GENERAL]?.join(' ') ?? (fieldErrors ? t.agents.notSaved : null)} />
    </form>
  );
}
