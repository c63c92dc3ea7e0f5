import { useParams } from 'react-router';
import type { Schemas } from '../api/client';
import { threadOf } from '../desk/work-list';
import { t } from '../i18n';
import { languageLabel } from '../shared/languages';
import { formatDateTime } from '../shared/time';
import { BackToConsole } from '../shared/ui/BackToConsole';
import { Facts } from '../shared/ui/Facts';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { useAgentDirectory, useConversation } from './queries';

type Detail = Schemas['ConversationDetailDto'];
type Decision = Schemas['RoutingDecisionViewDto'];
type Names = Map<string, string>;

const nameOf = (names: Names, id: string | null | undefined) => (id ? (names.get(id) ?? id) : '');

/** One conversation for a manager: its facts, its thread, its assignments and every routing decision (rule, version, step, candidates, why). */
export function ConversationDetailPage() {
  const { id = '' } = useParams();
  const conversation = useConversation(id);
  const agents = useAgentDirectory();
  const names: Names = new Map((agents.data ?? []).map((agent) => [agent.id, agent.name]));

  return (
    <main id="main">
      <BackToConsole to="/conversations" label={t.conversations.back} />
      <Feedback error={messageOf(conversation.error)} />
      {conversation.data ? (
        <Conversation conversation={conversation.data} names={names} />
      ) : conversation.isPending ? (
        <p>{t.loading}</p>
      ) : (
        <h1>{t.conversations.missing}</h1>
      )}
    </main>
  );
}

function Conversation({ conversation, names }: { conversation: Detail; names: Names }) {
  const replyBy = (reply: Detail['replies'][number]) =>
    reply.kind === 'acknowledgement' ? t.conversations.acknowledgement : reply.agentId ? t.conversations.fromAgent(nameOf(names, reply.agentId)) : t.conversations.byManager;
  const replies = new Map(conversation.replies.map((reply) => [reply.id, reply]));
  return (
    <>
      <h1 className="passenger-text">{t.conversations.detailTitle(conversation.fromName ?? conversation.handle)}</h1>
      <Facts
        label={t.conversations.facts}
        items={[
          [t.conversations.status, t.conversations.statuses[conversation.status]],
          [t.conversations.language, languageLabel(conversation.language)],
          [t.conversations.channel, t.channels[conversation.channel] ?? conversation.channel],
          [t.conversations.flight, conversation.flightNumber ?? '–'],
          [t.conversations.priority, conversation.priority],
          [t.conversations.step, conversation.escalationStep],
          [t.conversations.received, formatDateTime(conversation.receivedAt)],
          [t.conversations.agent, nameOf(names, conversation.assignedAgentId) || '–'],
        ]}
      />
      {conversation.unroutable && <p className="overdue">{t.conversations.unroutable(conversation.unroutable.reason)}</p>}

      <section aria-labelledby="thread-heading" className="panel">
        <h2 id="thread-heading">{t.conversations.thread}</h2>
        <ol className="thread">
          {threadOf(conversation).map((entry) => (
            <li key={entry.id} className={entry.kind === 'message' ? 'from-passenger' : 'from-agent'}>
              <p className="meta">
                {entry.kind === 'message' ? t.conversations.fromPassenger : replyBy(replies.get(entry.id)!)} · {formatDateTime(entry.at)}
              </p>
              <p className="passenger-text">{entry.text}</p>
            </li>
          ))}
        </ol>
      </section>

      {conversation.notes.length > 0 && (
        <section aria-labelledby="notes-heading" className="panel">
          <h2 id="notes-heading">{t.conversations.notes}</h2>
          <ul className="plain-list">
            {conversation.notes.map((note) => (
              <li key={note.id} className="passenger-text">
                {note.text}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="assignments-heading" className="panel">
        <h2 id="assignments-heading">{t.conversations.assignments}</h2>
        {conversation.assignments.length ? (
          <ul className="plain-list">
            {conversation.assignments.map((assignment) => (
              <li key={assignment.id}>
                {t.conversations.assignment(
                  nameOf(names, assignment.agentId),
                  formatDateTime(assignment.assignedAt),
                  assignment.endedAt ? formatDateTime(assignment.endedAt) : null,
                  assignment.endReason ?? null,
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t.conversations.noAssignments}</p>
        )}
      </section>

      {conversation.waiting && (
        <section aria-labelledby="waiting-heading" className="panel">
          <h2 id="waiting-heading">{t.conversations.whyItWaits}</h2>
          <Facts
            items={[
              [t.conversations.rule, t.conversations.ruleVersion(conversation.waiting.ruleName, conversation.waiting.ruleVersion)],
              [t.conversations.stepIs, conversation.waiting.escalationStep],
              [t.conversations.decidedAt, formatDateTime(conversation.waiting.createdAt)],
              [t.conversations.why, conversation.waiting.reason],
            ]}
          />
        </section>
      )}

      <section aria-labelledby="decisions-heading" className="panel">
        <h2 id="decisions-heading">{t.conversations.decisions}</h2>
        {conversation.decisions.length ? (
          conversation.decisions.map((decision, index) => <DecisionView key={decision.id} decision={decision} index={index + 1} names={names} />)
        ) : (
          <p>{t.conversations.noDecisions}</p>
        )}
      </section>
    </>
  );
}

function DecisionView({ decision, index, names }: { decision: Decision; index: number; names: Names }) {
  const headingId = `decision-${decision.id}`;
  return (
    <article aria-labelledby={headingId} className="decision">
      <h3 id={headingId}>{t.conversations.decision(index, formatDateTime(decision.createdAt))}</h3>
      <Facts
        items={[
          [t.conversations.rule, t.conversations.ruleVersion(decision.ruleName, decision.ruleVersion)],
          [t.conversations.stepIs, decision.escalationStep],
          [t.conversations.strategy, t.rules.strategies[decision.strategy] ?? decision.strategy],
          [t.conversations.chosen, nameOf(names, decision.chosenAgentId)],
          [t.conversations.why, decision.reason],
        ]}
      />
      <p className="code">
        {t.conversations.requirements}: {JSON.stringify(decision.requirements)}
      </p>
      <div className="table-scroll">
        <table>
          <caption>{t.conversations.candidates(index)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.conversations.candidateAgent}</th>
              <th scope="col">{t.conversations.load}</th>
              <th scope="col">{t.conversations.lastAssigned}</th>
            </tr>
          </thead>
          <tbody>
            {decision.candidates.map((candidate, position) => {
              const agentId = String(candidate.agentId ?? '');
              const lastAssignedAt = typeof candidate.lastAssignedAt === 'string' ? candidate.lastAssignedAt : null;
              return (
                <tr key={`${agentId}-${position}`}>
                  <th scope="row">{nameOf(names, agentId)}</th>
                  <td>{`${String(candidate.load ?? '?')} / ${String(candidate.maxConcurrent ?? '?')}`}</td>
                  <td>{lastAssignedAt ? formatDateTime(lastAssignedAt) : t.conversations.never}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </article>
  );
}
