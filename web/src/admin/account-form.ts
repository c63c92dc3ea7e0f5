import type { Schemas } from '../api/client';
import { parseLanguageLevels } from '../agents/agent-form';
import { t } from '../i18n';
import type { FieldErrors } from '../shared/field-errors';

/** Pure logic of "Create account": what was typed to the body of POST /users. */

export type AccountBody = Schemas['CreateUserDto'];
export const ROLES = ['agent', 'incident_manager', 'admin'] as const;
export const ACCOUNT_FIELDS = { name: 'name', email: 'email', password: 'password', role: 'role', languages: 'languages' } as const;
export type AccountField = keyof typeof ACCOUNT_FIELDS;
export type AccountErrors = FieldErrors<AccountField>;

export interface AccountForm {
  name: string;
  email: string;
  password: string;
  role: (typeof ROLES)[number];
  languages: string;
}

export const emptyAccountForm = (): AccountForm => ({ name: '', email: '', password: '', role: 'agent', languages: '' });

/** Name, email and password are sent as typed for the service to judge; only the languages need reading here. */
export function readAccountForm(form: AccountForm): { body: AccountBody | null; errors: AccountErrors } {
  const languages = parseLanguageLevels(form.languages);
  if (languages === null) return { body: null, errors: { languages: [t.accounts.errors.languages] } };
  const body: AccountBody = { name: form.name, email: form.email.trim(), password: form.password, role: form.role };
  if (languages.length) body.languages = languages;
  return { body, errors: {} };
}
