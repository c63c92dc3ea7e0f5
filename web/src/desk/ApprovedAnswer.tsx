import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../api/client';
import { queryClient } from '../api/query-client';
import { t } from '../i18n';
import { languageLabel } from '../shared/languages';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { Field } from '../shared/ui/Field';
import { answersForLanguage } from './approved-answers';
import { MY_CONVERSATIONS_KEY } from './queries';
import type { Conversation } from './work-list';

const TEMPLATES_KEY = ['templates'] as const;
const TEMPLATES_SHOWN = 200;

export function useTemplates() {
  return useQuery({
    queryKey: TEMPLATES_KEY,
    queryFn: async () => unwrap(await api.GET('/api/v1/templates', { params: { query: { limit: TEMPLATES_SHOWN } } })).items,
    staleTime: 60_000,
  });
}

/** Reply with an approved answer: choose one, read what the passenger will get (their language), send it. */
export function ApprovedAnswer({ conversation, conversationKey }: { conversation: Conversation; conversationKey: readonly unknown[] }) {
  const templates = useTemplates();
  const [templateId, setTemplateId] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const rendered = useQuery({
    queryKey: ['templates', templateId, 'render', conversation.id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/templates/{id}/render', { params: { path: { id: templateId }, query: { conversationId: conversation.id } } })),
    enabled: templateId !== '',
  });
  const send = useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/api/v1/conversations/{id}/replies', { params: { path: { id: conversation.id } }, body: { templateId: id } })),
    onMutate: () => setNotice(null),
    onSuccess: async () => {
      setTemplateId('');
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: MY_CONVERSATIONS_KEY }),
        queryClient.invalidateQueries({ queryKey: conversationKey }),
      ]);
      setNotice(t.approvedAnswers.sent);
    },
  });

  if (!templates.data?.length) return templates.error ? <Feedback error={messageOf(templates.error)} /> : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (templateId) send.mutate(templateId);
  }

  const options = answersForLanguage(templates.data, conversation.language);
  return (
    <section aria-labelledby="answers-heading" className="panel">
      <h2 id="answers-heading">{t.approvedAnswers.title}</h2>
      <form onSubmit={submit} className="stack">
        <Field
          label={t.approvedAnswers.answer}
          render={(a11y) => (
            <select {...a11y} value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
              <option value="">{t.approvedAnswers.choose}</option>
              {options.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.name}
                </option>
              ))}
            </select>
          )}
        />
        {templateId && (
          <section aria-labelledby="preview-heading">
            <h3 id="preview-heading">{t.approvedAnswers.preview}</h3>
            {rendered.data ? (
              <>
                <p className="meta">{t.approvedAnswers.previewIn(languageLabel(rendered.data.language))}</p>
                <p className="passenger-text preview">{rendered.data.text}</p>
              </>
            ) : (
              <p>{rendered.isError ? '' : t.loading}</p>
            )}
          </section>
        )}
        <div className="actions">
          <button type="submit" disabled={!templateId || !rendered.data || send.isPending}>
            {t.approvedAnswers.send}
          </button>
        </div>
      </form>
      <Feedback error={messageOf(send.error ?? rendered.error)} notice={notice} />
    </section>
  );
}
