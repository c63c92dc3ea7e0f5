import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { t } from '../i18n';
import { languageLabel, languageOptions } from '../shared/languages';
import { formatDateTime } from '../shared/time';
import { BackToConsole } from '../shared/ui/BackToConsole';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { Field } from '../shared/ui/Field';
import { CHANNELS, type FilterKey, filtersFrom, STATUSES, withFilter } from './filters';
import { useAgentDirectory, useConversations } from './queries';

/** Conversations filtered by status, language, channel, agent and flight; each opens its thread and routing decisions. */
export function ConversationsPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const [flight, setFlight] = useState(filters.flightNumber ?? '');
  useEffect(() => setFlight(filters.flightNumber ?? ''), [filters.flightNumber]);
  const conversations = useConversations(filters);
  const agents = useAgentDirectory();
  const names = new Map((agents.data ?? []).map((agent) => [agent.id, agent.name]));
  const items = conversations.data?.pages.flatMap((page) => page.items) ?? [];
  const set = (key: FilterKey) => (value: string) => setParams(withFilter(filters, key, value), { replace: true });
  const select = (key: FilterKey, label: string, any: string, options: { value: string; label: string }[]) => (
    <Field
      label={label}
      render={(a11y) => (
        <select {...a11y} value={filters[key] ?? ''} onChange={(e) => set(key)(e.target.value)}>
          <option value="">{any}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  );
  const applyFlight = (event: FormEvent) => {
    event.preventDefault();
    set('flightNumber')(flight);
  };

  return (
    <main id="main">
      <BackToConsole />
      <h1>{t.conversations.title}</h1>
      <form className="row" onSubmit={applyFlight} aria-label={t.conversations.filters}>
        {select('status', t.conversations.status, t.conversations.anyStatus, STATUSES.map((value) => ({ value, label: t.conversations.statuses[value] })))}
        {select('language', t.conversations.language, t.conversations.anyLanguage, [
          ...languageOptions().map((option) => ({ value: option.code, label: option.label })),
          { value: 'und', label: languageLabel('und') },
        ])}
        {select('channel', t.conversations.channel, t.conversations.anyChannel, CHANNELS.map((value) => ({ value, label: t.channels[value] ?? value })))}
        {select('agentId', t.conversations.agent, t.conversations.anyAgent, (agents.data ?? []).map((agent) => ({ value: agent.id, label: agent.name })))}
        <Field
          label={t.conversations.flight}
          hint={t.conversations.flightHint}
          render={(a11y) => <input {...a11y} type="text" value={flight} onChange={(e) => setFlight(e.target.value)} onBlur={() => set('flightNumber')(flight)} />}
        />
        <div className="actions">
          <button type="submit">{t.conversations.filters}</button>
        </div>
      </form>
      <Feedback error={messageOf(conversations.error)} />
      {conversations.isPending ? (
        <p>{t.loading}</p>
      ) : items.length ? (
        <div className="table-scroll">
          <table>
            <caption>{t.conversations.list}</caption>
            <thead>
              <tr>
                <th scope="col">{t.conversations.passenger}</th>
                <th scope="col">{t.conversations.status}</th>
                <th scope="col">{t.conversations.language}</th>
                <th scope="col">{t.conversations.channel}</th>
                <th scope="col">{t.conversations.flight}</th>
                <th scope="col">{t.conversations.agent}</th>
                <th scope="col">{t.conversations.received}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((conversation) => (
                <tr key={conversation.id}>
                  <th scope="row">
                    <Link to={`/conversations/${conversation.id}`} className="passenger-text">
                      {conversation.fromName ?? conversation.handle}
                    </Link>
                  </th>
                  <td>
                    {t.conversations.statuses[conversation.status]}
                    {conversation.unroutable && <span className="overdue"> · {t.conversations.unroutable(conversation.unroutable.reason)}</span>}
                  </td>
                  <td>{languageLabel(conversation.language)}</td>
                  <td>{t.channels[conversation.channel] ?? conversation.channel}</td>
                  <td>{conversation.flightNumber ?? ''}</td>
                  <td>{conversation.assignedAgentId ? (names.get(conversation.assignedAgentId) ?? conversation.assignedAgentId) : ''}</td>
                  <td>{formatDateTime(conversation.receivedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t.conversations.none}</p>
      )}
      {conversations.hasNextPage && (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => void conversations.fetchNextPage()} disabled={conversations.isFetchingNextPage}>
            {t.conversations.more}
          </button>
        </div>
      )}
    </main>
  );
}
