import { t } from '../i18n';

/** Pure logic of the invite form and its result; the origin and `now` are always passed in. */

/** The full link a volunteer opens: `https://surge.example/join/7QK2M9TXC4HZ8WNA`. */
export function inviteLink(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, '')}/join/${encodeURIComponent(code)}`;
}

export function usesLeft(invite: { maxUses: number; uses: number }): number {
  return Math.max(0, invite.maxUses - invite.uses);
}

export type InviteState = 'open' | 'used-up' | 'expired';

/** Whether a volunteer can still enroll with it (the service judges by its own clock; this is for the eye). */
export function inviteState(invite: { maxUses: number; uses: number; expiresAt: string | null }, now: Date): InviteState {
  if (invite.expiresAt !== null && new Date(invite.expiresAt).getTime() <= now.getTime()) return 'expired';
  return usesLeft(invite) === 0 ? 'used-up' : 'open';
}

/**
 * A `datetime-local` value ("2026-12-02T18:30", the browser's own time zone) as the ISO-8601 instant
 * the API takes; null when empty or not a date.
 */
export function localDateTimeToIso(value: string): string | null {
  if (!value.trim()) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export interface InviteForm {
  maxUses: string;
  expiresAt: string;
  autoApprove: boolean;
}

export type InviteBody = { maxUses?: number; expiresAt?: string; autoApprove: boolean };

/** The form's errors, per field (empty when none); the body to send when there are none. */
export function readInviteForm(form: InviteForm, now: Date): { body: InviteBody | null; errors: Partial<Record<'maxUses' | 'expiresAt', string>> } {
  const errors: Partial<Record<'maxUses' | 'expiresAt', string>> = {};
  const body: InviteBody = { autoApprove: form.autoApprove };
  if (form.maxUses.trim()) {
    const maxUses = Number(form.maxUses);
    if (!Number.isInteger(maxUses) || maxUses < 1 || maxUses > 100_000) errors.maxUses = t.invites.errors.maxUses;
    else body.maxUses = maxUses;
  }
  if (form.expiresAt.trim()) {
    const expiresAt = localDateTimeToIso(form.expiresAt);
    if (expiresAt === null) errors.expiresAt = t.invites.errors.expiresAtInvalid;
    else if (new Date(expiresAt).getTime() <= now.getTime()) errors.expiresAt = t.invites.errors.expiresAtPast;
    else body.expiresAt = expiresAt;
  }
  return { body: Object.keys(errors).length ? null : body, errors };
}
