import type { Schemas } from '../api/client';
import { t } from '../i18n';
import { localDateTimeToIso } from '../incidents/invites';
import { ISO_639_1_CODES } from '../shared/languages';
import type { FieldErrors } from '../shared/field-errors';

/** Pure logic of the "New shift" form: what was typed to the body of POST /shifts, with an error beside each field. */

export type ShiftBody = Schemas['CreateShiftDto'];
export const SHIFT_FIELDS = { startsAt: 'startsAt', endsAt: 'endsAt', slots: 'slots', languages: 'languages', skills: 'skills', incidentId: 'incidentId' } as const;
export type ShiftField = keyof typeof SHIFT_FIELDS;
export type ShiftErrors = FieldErrors<ShiftField>;

export interface ShiftForm {
  startsAt: string;
  endsAt: string;
  slots: string;
  languages: string;
  skills: string;
  incidentId: string;
}

export const MAX_SHIFT_HOURS = 12;
const SKILL_NAME = /^[a-z0-9_-]{1,40}$/;
const CODES = new Set<string>(ISO_639_1_CODES);

export const emptyShiftForm = (): ShiftForm => ({ startsAt: '', endsAt: '', slots: '', languages: '', skills: '', incidentId: '' });

const list = (text: string) => text.split(',').map((part) => part.trim()).filter(Boolean);

/** The body to send, or the errors the form can see before sending (the service checks the rest). */
export function readShiftForm(form: ShiftForm): { body: ShiftBody | null; errors: ShiftErrors } {
  const errors: ShiftErrors = {};
  const startsAt = localDateTimeToIso(form.startsAt);
  const endsAt = localDateTimeToIso(form.endsAt);
  if (startsAt === null) errors.startsAt = [t.roster.errors.startsAt];
  if (endsAt === null) errors.endsAt = [t.roster.errors.endsAt];
  else if (startsAt !== null) {
    const hours = (new Date(endsAt).getTime() - new Date(startsAt).getTime()) / 3_600_000;
    if (hours <= 0) errors.endsAt = [t.roster.errors.endsAfterStart];
    else if (hours > MAX_SHIFT_HOURS) errors.endsAt = [t.roster.errors.tooLong(MAX_SHIFT_HOURS)];
  }
  const slots = Number(form.slots);
  if (!form.slots.trim() || !Number.isInteger(slots) || slots < 1 || slots > 500) errors.slots = [t.roster.errors.slots];
  const languages = list(form.languages).map((code) => code.toLowerCase());
  const unknown = languages.filter((code) => !CODES.has(code));
  if (unknown.length) errors.languages = [t.roster.errors.languages(unknown.join(', '))];
  const skills = list(form.skills);
  if (skills.some((skill) => !SKILL_NAME.test(skill))) errors.skills = [t.roster.errors.skills];
  if (Object.keys(errors).length) return { body: null, errors };

  const body: ShiftBody = { startsAt: startsAt!, endsAt: endsAt!, slots };
  if (languages.length) body.languages = [...new Set(languages)];
  if (skills.length) body.skills = [...new Set(skills)];
  if (form.incidentId) body.incidentId = form.incidentId;
  return { body, errors };
}
