import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, type Schemas, unwrap } from '../api/client';
import { queryClient } from '../api/query-client';
import { t } from '../i18n';
import { formatDateTime } from '../shared/time';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { Field } from '../shared/ui/Field';

type Detail = Schemas['ConversationDetailDto'];

export const conversationKey = (id: string) => ['conversation', id] as const;

/** The conversation as GET /conversations/:id has it: notes and the passenger's earlier conversations. */
export function useConversationDetail(id: string) {
  return useQuery({
    queryKey: conversationKey(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/conversations/{id}', { params: { path: { id } } })),
    refetchInterval: 30_000,
  });
}

/** Internal notes, oldest first (a transfer's note among them), and a form to add one. */
export function ConversationNotes({ id, detail }: { id: string; detail: Detail | undefined }) {
  const [text, setText] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: async (note: string) => unwrap(await api.POST('/api/v1/conversations/{id}/notes', { params: { path: { id } }, body: { text: note } })),
    onMutate: () => setNotice(null),
    onSuccess: async (note) => {
      setText('');
      queryClient.setQueryData<Detail>(conversationKey(id), (old) => (old ? { ...old, notes: [...old.notes, note] } : old));
      await queryClient.invalidateQueries({ queryKey: conversationKey(id) });
      setNotice(t.notes.added);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim()) add.mutate(text.trim());
  }

  return (
    <section aria-labelledby="notes-heading" className="panel">
      <h2 id="notes-heading">{t.notes.title}</h2>
      <p className="hint">{t.notes.intro}</p>
      {detail ? (
        detail.notes.length ? (
          <ol className="cards">
            {detail.notes.map((note) => (
              <li key={note.id} className="card">
                <p className="meta">
                  {t.notes.by(note.author.name)} · <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time>
                </p>
                <p className="passenger-text">{note.text}</p>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t.notes.none}</p>
        )
      ) : (
        <p>{t.loading}</p>
      )}
      <form onSubmit={submit} className="stack">
        <Field
          label={t.notes.note}
          render={(a11y) => <textarea {...a11y} rows={3} maxLength={5000} value={text} onChange={(e) => setText(e.target.value)} />}
        />
        <div className="actions">
          <button type="submit" className="secondary" disabled={add.isPending || !text.trim()}>
            {t.notes.add}
          </button>
        </div>
      </form>
      <Feedback error={messageOf(add.error)} notice={notice} />
    </section>
  );
}

/** Up to 10 earlier conversations of the same passenger (channel and handle), newest first. */
export function PassengerHistory({ detail }: { detail: Detail | undefined }) {
  return (
    <section aria-labelledby="history-heading" className="panel">
      <h2 id="history-heading">{t.passengerHistory.title}</h2>
      {!detail ? (
        <p>{t.loading}</p>
      ) : detail.previousConversations.length === 0 ? (
        <p>{t.passengerHistory.none}</p>
      ) : (
        <ol className="plain-list">
          {detail.previousConversations.map((earlier) => (
            <li key={earlier.id}>
              {t.passengerHistory.entry(formatDateTime(earlier.receivedAt), t.passengerHistory.statuses[earlier.status] ?? earlier.status)}
              {earlier.agentName ? ` · ${t.passengerHistory.with(String(earlier.agentName))}` : ''}
              {earlier.resolvedAt ? ` · ${t.passengerHistory.resolvedAt(formatDateTime(String(earlier.resolvedAt)))}` : ''}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
