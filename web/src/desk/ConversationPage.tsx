import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { queryClient } from '../api/query-client';
import { t } from '../i18n';
import { languageLabel, languageOptions } from '../shared/languages';
import { parseSkills } from '../shared/skills';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { Field } from '../shared/ui/Field';
import { useNow } from '../shared/ui/use-now';
import { ApprovedAnswer } from './ApprovedAnswer';
import { conversationKey, ConversationNotes, PassengerHistory, useConversationDetail } from './ConversationNotes';
import { SlaLeft } from './MyConversations';
import { DEFAULT_SLA_MINUTES, ME_KEY, MY_CONVERSATIONS_KEY, useMyConversations, useSurge } from './queries';
import { type Conversation, threadOf } from './work-list';

const at = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });

function leaveList(id: string) {
  queryClient.setQueryData<Conversation[]>(MY_CONVERSATIONS_KEY, (list) => list?.filter((c) => c.id !== id));
  void queryClient.invalidateQueries({ queryKey: ME_KEY, exact: true });
}

/** One conversation: its thread oldest first, a reply box, resolve and transfer. */
export function ConversationPage() {
  const { id = '' } = useParams();
  const conversations = useMyConversations(true);
  const conversation = conversations.data?.find((c) => c.id === id);

  return (
    <main id="main">
      <p>
        <Link to="/desk">{t.conversation.back}</Link>
      </p>
      {conversation ? (
        <Thread conversation={conversation} />
      ) : conversations.isPending ? (
        <p>{t.loading}</p>
      ) : (
        <>
          <h1>{t.conversation.gone}</h1>
          <Feedback error={messageOf(conversations.error)} />
        </>
      )}
    </main>
  );
}

function Thread({ conversation }: { conversation: Conversation }) {
  const navigate = useNavigate();
  const surge = useSurge();
  const now = useNow();
  const [reply, setReply] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [transferring, setTransferring] = useState(false);
  const detail = useConversationDetail(conversation.id);
  const path = { params: { path: { id: conversation.id } } };
  const who = conversation.fromName ? `${String(conversation.fromName)} (${conversation.handle})` : conversation.handle;

  const send = useMutation({
    mutationFn: async (text: string) => unwrap(await api.POST('/api/v1/conversations/{id}/replies', { ...path, body: { text } })),
    onMutate: () => setNotice(null),
    onSuccess: async () => {
      setReply('');
      await queryClient.invalidateQueries({ queryKey: MY_CONVERSATIONS_KEY });
      setNotice(t.conversation.sent);
    },
  });
  const resolve = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/conversations/{id}/resolve', path)),
    onSuccess: () => {
      leaveList(conversation.id);
      navigate('/desk', { state: { notice: t.conversation.resolved } });
    },
  });

  function submitReply(event: FormEvent) {
    event.preventDefault();
    if (reply.trim()) send.mutate(reply);
  }

  return (
    <>
      <h1>{t.conversation.title(who)}</h1>
      <dl className="facts">
        <div>
          <dt>{t.desk.language}</dt>
          <dd>{languageLabel(conversation.language)}</dd>
        </div>
        <div>
          <dt>{t.desk.channel}</dt>
          <dd>{t.channels[conversation.channel] ?? conversation.channel}</dd>
        </div>
        {conversation.flightNumber ? (
          <div>
            <dt>{t.conversation.flight}</dt>
            <dd>{String(conversation.flightNumber)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t.desk.slaLeft}</dt>
          <dd>
            <SlaLeft conversation={conversation} slaMinutes={surge.data?.incident?.slaMinutes ?? DEFAULT_SLA_MINUTES} now={now} />
          </dd>
        </div>
      </dl>

      <section aria-labelledby="thread-heading">
        <h2 id="thread-heading">{t.conversation.thread}</h2>
        <ol className="thread">
          {threadOf(conversation).map((entry) => (
            <li key={`${entry.kind}-${entry.id}`} className={entry.kind === 'message' ? 'from-passenger' : 'from-agent'}>
              <p className="meta">
                {entry.kind === 'message' ? t.conversation.passenger : t.conversation.you} · <time dateTime={entry.at}>{at.format(new Date(entry.at))}</time>
              </p>
              <p className="passenger-text">{entry.text}</p>
            </li>
          ))}
        </ol>
      </section>

      <form onSubmit={submitReply} className="stack">
        <Field
          label={t.conversation.reply}
          render={(a11y) => <textarea {...a11y} name="reply" rows={4} maxLength={5000} value={reply} onChange={(e) => setReply(e.target.value)} />}
        />
        <div className="actions">
          <button type="submit" disabled={send.isPending || !reply.trim()}>
            {t.conversation.send}
          </button>
          <button type="button" className="secondary" onClick={() => resolve.mutate()} disabled={resolve.isPending}>
            {t.conversation.resolve}
          </button>
          <button type="button" className="secondary" aria-expanded={transferring} onClick={() => setTransferring((open) => !open)}>
            {t.conversation.transfer}
          </button>
        </div>
      </form>
      <Feedback error={messageOf(send.error ?? resolve.error)} notice={notice} />
      {transferring && <TransferForm conversation={conversation} onCancel={() => setTransferring(false)} />}
      <ApprovedAnswer conversation={conversation} conversationKey={conversationKey(conversation.id)} />
      <ConversationNotes id={conversation.id} detail={detail.data} />
      <PassengerHistory detail={detail.data} />
      <Feedback error={messageOf(detail.error)} />
    </>
  );
}

function TransferForm({ conversation, onCancel }: { conversation: Conversation; onCancel: () => void }) {
  const navigate = useNavigate();
  const [language, setLanguage] = useState('');
  const [skills, setSkills] = useState('');
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const transfer = useMutation({
    mutationFn: async (body: { language?: string; requiredSkills?: { name: string; minLevel: number }[]; note?: string }) =>
      unwrap(await api.POST('/api/v1/conversations/{id}/transfer', { params: { path: { id: conversation.id } }, body })),
    onSuccess: () => {
      leaveList(conversation.id);
      navigate('/desk', { state: { notice: t.conversation.transferred } });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const requiredSkills = parseSkills(skills);
    if (requiredSkills === null) return setInvalid(t.conversation.invalidSkills);
    setInvalid(null);
    transfer.mutate({
      ...(language ? { language } : {}),
      ...(requiredSkills.length ? { requiredSkills } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  }

  return (
    <form onSubmit={submit} className="stack panel" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">{t.conversation.transferTitle}</h2>
      <Field
        label={t.conversation.transferLanguage}
        render={(a11y) => (
          <select {...a11y} value={language} onChange={(e) => setLanguage(e.target.value)}>
            <option value="">{t.conversation.sameLanguage}</option>
            {languageOptions().map((option) => (
              <option key={option.code} value={option.code}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      />
      <Field
        label={t.conversation.transferSkills}
        hint={t.conversation.transferSkillsHint}
        render={(a11y) => <input {...a11y} type="text" value={skills} onChange={(e) => setSkills(e.target.value)} />}
      />
      <Field
        label={t.conversation.note}
        render={(a11y) => <textarea {...a11y} rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />}
      />
      <div className="actions">
        <button type="submit" disabled={transfer.isPending}>
          {t.conversation.confirmTransfer}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t.conversation.cancel}
        </button>
      </div>
      <Feedback error={invalid ?? messageOf(transfer.error)} />
    </form>
  );
}
