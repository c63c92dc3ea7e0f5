import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { queryClient } from '../api/query-client';
import { t } from '../i18n';
import { languageLabel } from '../shared/languages';
import { formatSkills } from '../shared/skills';
import { BackToConsole } from '../shared/ui/BackToConsole';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { Field } from '../shared/ui/Field';
import { AgentEditor } from './AgentEditor';

const AGENTS_KEY = ['agents', 'list'] as const;
const STATUSES = ['pending', 'active', 'suspended', 'expired'] as const;
type Status = (typeof STATUSES)[number];
type Agent = Awaited<ReturnType<typeof readAgents>>[number];

async function readAgents(status: Status | null) {
  return unwrap(await api.GET('/api/v1/agents', { params: { query: { limit: 500, ...(status ? { status } : {}) } } })).items;
}

type Change = { agent: Agent; action: 'approve' | 'suspend' | 'reactivate' };

/** Agents with presence and load; approve pending volunteers, suspend and reactivate, edit languages, skills and capacity (admins, as the API is). */
export function AgentsPage() {
  const [status, setStatus] = useState<Status | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const agents = useQuery({ queryKey: [...AGENTS_KEY, status ?? 'all'], queryFn: () => readAgents(status), refetchInterval: 15_000 });
  const change = useMutation({
    mutationFn: async ({ agent, action }: Change) => {
      const path = { params: { path: { id: agent.id } } };
      if (action === 'approve') return unwrap(await api.POST('/api/v1/agents/{id}/approve', path));
      return unwrap(await api.PATCH('/api/v1/agents/{id}', { ...path, body: { status: action === 'suspend' ? 'suspended' : 'active' } }));
    },
    onMutate: () => setNotice(null),
    onSuccess: async (_agent, { agent, action }) => {
      await queryClient.invalidateQueries({ queryKey: AGENTS_KEY });
      setNotice(t.agents.done[action](agent.name));
    },
  });

  return (
    <main id="main">
      <BackToConsole />
      <h1>{t.agents.title}</h1>
      <Field
        label={t.agents.status}
        className="narrow-field"
        render={(a11y) => (
          <select {...a11y} value={status ?? ''} onChange={(e) => setStatus((e.target.value || null) as Status | null)}>
            <option value="">{t.agents.anyStatus}</option>
            {STATUSES.map((option) => (
              <option key={option} value={option}>
                {t.agents.statuses[option]}
              </option>
            ))}
          </select>
        )}
      />
      <Feedback error={messageOf(agents.error ?? change.error)} notice={notice} />
      {agents.isPending ? (
        <p>{t.loading}</p>
      ) : agents.data?.length ? (
        <ul className="cards" aria-label={t.agents.list}>
          {agents.data.map((agent) => (
            <li key={agent.id} className="card">
              <p className="card-title">
                {agent.name} <span className="meta">{agent.email}</span>
              </p>
              <p>
                {t.agents.kinds[agent.kind ?? 'staff']} · {t.agents.statuses[agent.status]} · {t.agents.presences[agent.presence]} ·{' '}
                {t.agents.load(agent.load, agent.maxConcurrent)}
              </p>
              <p className="meta">
                {agent.languages.map((language) => `${languageLabel(language.code)} ${language.level}`).join(', ')}
                {agent.skills.length ? ` · ${formatSkills(agent.skills.map((skill) => ({ name: skill.name, minLevel: skill.level })))}` : ''}
              </p>
              {editing === agent.id ? (
                <AgentEditor
                  agent={agent}
                  onDone={(saved) => {
                    setEditing(null);
                    setNotice(saved ? t.agents.saved(saved.name) : null);
                    if (saved) void queryClient.invalidateQueries({ queryKey: AGENTS_KEY });
                  }}
                />
              ) : (
              <div className="actions">
                <button type="button" className="secondary" onClick={() => { setNotice(null); setEditing(agent.id); }} disabled={editing !== null} aria-label={t.agents.editNamed(agent.name)}>
                  {t.agents.edit}
                </button>
                {agent.status === 'pending' && (
                  <button type="button" onClick={() => change.mutate({ agent, action: 'approve' })} disabled={change.isPending} aria-label={t.agents.approveNamed(agent.name)}>
                    {t.agents.approve}
                  </button>
                )}
                {agent.status === 'active' && (
                  <button type="button" className="secondary" onClick={() => change.mutate({ agent, action: 'suspend' })} disabled={change.isPending} aria-label={t.agents.suspendNamed(agent.name)}>
                    {t.agents.suspend}
                  </button>
                )}
                {agent.status === 'suspended' && (
                  <button type="button" className="secondary" onClick={() => change.mutate({ agent, action: 'reactivate' })} disabled={change.isPending} aria-label={t.agents.reactivateNamed(agent.name)}>
                    {t.agents.reactivate}
                  </button>
                )}
              </div>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.agents.none}</p>
      )}
    </main>
  );
}
