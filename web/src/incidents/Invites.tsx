import { useMutation } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../api/client';
import { t } from '../i18n';
import { formatDateTime } from '../shared/time';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { Facts } from '../shared/ui/Facts';
import { Field } from '../shared/ui/Field';
import { FormActions } from '../shared/ui/FormActions';
import { queryClient } from '../api/query-client';
import { useNow } from '../shared/ui/use-now';
import { type InviteForm, inviteLink, type InviteState, inviteState, readInviteForm, usesLeft } from './invites';
import { type Incident, type Invite, invitesKey, useInvites } from './queries';

const EMPTY_FORM: InviteForm = { maxUses: '', expiresAt: '', autoApprove: true };

/** "Create invite": the form, then each invite made here with its full link, "Copy" and a QR code. */
export function Invites({ incident }: { incident: Incident }) {
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const invites = useInvites(incident.id);
  const now = useNow(30_000);
  return (
    <section aria-labelledby="invites-heading" className="panel">
      <h2 id="invites-heading">{t.invites.title}</h2>
      <p className="hint">{t.invites.intro}</p>
      <div className="actions">
        <button type="button" aria-expanded={creating} onClick={() => setCreating((open) => !open)}>
          {t.invites.create}
        </button>
      </div>
      {creating && (
        <InviteCreateForm
          incidentId={incident.id}
          onCreated={async (invite) => {
            queryClient.setQueryData<Invite[]>(invitesKey(incident.id), (list) => [invite, ...(list ?? []).filter((other) => other.code !== invite.code)]);
            setCreated(invite.code);
            setCreating(false);
            await queryClient.invalidateQueries({ queryKey: invitesKey(incident.id) });
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      {invites.data?.length === 0 && <p>{t.invites.none}</p>}
      <ul className="cards">
        {invites.data?.map((invite) => (
          <InviteCard key={invite.code} invite={invite} state={inviteState({ ...invite, expiresAt: invite.expiresAt ? String(invite.expiresAt) : null }, now)} justCreated={invite.code === created} />
        ))}
      </ul>
      <Feedback error={messageOf(invites.error)} />
    </section>
  );
}

function InviteCreateForm({ incidentId, onCreated, onCancel }: { incidentId: string; onCreated: (invite: Invite) => void; onCancel: () => void }) {
  const [form, setForm] = useState<InviteForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<ReturnType<typeof readInviteForm>['errors']>({});
  const create = useMutation({
    mutationFn: async (body: NonNullable<ReturnType<typeof readInviteForm>['body']>) =>
      unwrap(await api.POST('/api/v1/incidents/{id}/invites', { params: { path: { id: incidentId } }, body })),
    onSuccess: onCreated,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const read = readInviteForm(form, new Date());
    setErrors(read.errors);
    if (read.body) create.mutate(read.body);
  }

  const change = (patch: Partial<InviteForm>) => setForm((current) => ({ ...current, ...patch }));
  return (
    <form onSubmit={submit} className="stack" noValidate aria-label={t.invites.create}>
      <Field
        label={t.invites.maxUses}
        hint={errors.maxUses ?? t.invites.maxUsesHint}
        className={errors.maxUses ? 'invalid' : undefined}
        render={(a11y) => (
          <input {...a11y} type="number" min={1} max={100000} aria-invalid={Boolean(errors.maxUses)} value={form.maxUses} onChange={(e) => change({ maxUses: e.target.value })} />
        )}
      />
      <Field
        label={t.invites.expiresAt}
        hint={errors.expiresAt ?? t.invites.expiresAtHint}
        className={errors.expiresAt ? 'invalid' : undefined}
        render={(a11y) => (
          <input {...a11y} type="datetime-local" aria-invalid={Boolean(errors.expiresAt)} value={form.expiresAt} onChange={(e) => change({ expiresAt: e.target.value })} />
        )}
      />
      <div className="check">
        <input id={`auto-approve-${incidentId}`} type="checkbox" checked={form.autoApprove} onChange={(e) => change({ autoApprove: e.target.checked })} />
        <label htmlFor={`auto-approve-${incidentId}`}>{t.invites.autoApprove}</label>
      </div>
      <FormActions submit={t.invites.submit} busy={create.isPending} onCancel={onCancel} />
      <Feedback error={messageOf(create.error)} />
    </form>
  );
}

function InviteCard({ invite, state, justCreated }: { invite: Invite; state: InviteState; justCreated: boolean }) {
  const link = inviteLink(window.location.origin, invite.code);
  const input = useRef<HTMLInputElement>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(justCreated ? t.invites.created : null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    QRCode.toDataURL(link, { margin: 2, width: 240, errorCorrectionLevel: 'M' })
      .then((url) => current && setQr(url))
      .catch((reason: unknown) => current && setError(messageOf(reason)));
    return () => {
      current = false;
    };
  }, [link]);

  async function copy() {
    setError(null);
    try {
      await navigator.clipboard.writeText(link);
      setNotice(t.invites.copied);
    } catch {
      input.current?.select();
      setNotice(null);
      setError(t.invites.copyFailed);
    }
  }

  return (
    <li className="card invite">
      <div className="stack">
        <Field label={t.invites.link} render={(a11y) => <input {...a11y} ref={input} type="text" readOnly value={link} onFocus={(e) => e.target.select()} />} />
        <div className="actions">
          <button type="button" onClick={() => void copy()}>
            {t.invites.copy}
          </button>
        </div>
        <Facts
          items={[
            [t.invites.usesLeft, t.invites.usesLeftOf(usesLeft(invite), invite.maxUses)],
            [t.invites.expires, invite.expiresAt ? formatDateTime(String(invite.expiresAt)) : t.invites.never],
            [t.invites.approval, invite.autoApprove ? t.invites.approvedAtOnce : t.invites.needsApproval],
            [t.invites.state, t.invites.states[state]],
          ]}
        />
        <Feedback error={error} notice={notice} />
      </div>
      {qr && <img className="qr" src={qr} width={240} height={240} alt={t.invites.qrAlt} />}
    </li>
  );
}
