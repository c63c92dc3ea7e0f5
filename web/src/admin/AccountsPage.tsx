import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiError, unwrap } from '../api/client';
import { t } from '../i18n';
import { errorsByPath, GENERAL } from '../shared/field-errors';
import { BackToConsole } from '../shared/ui/BackToConsole';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { Field } from '../shared/ui/Field';
import { ACCOUNT_FIELDS, type AccountBody, type AccountErrors, type AccountField, type AccountForm, emptyAccountForm, readAccountForm, ROLES } from './account-form';

interface Created {
  id: string;
  name: string;
  email: string;
  role: string;
}

function errorsOf(error: unknown): AccountErrors {
  if (error instanceof ApiError && error.status === 400) return errorsByPath(error.messages, ACCOUNT_FIELDS);
  if (error instanceof ApiError && error.status === 409) return { email: error.messages };
  return { [GENERAL]: [messageOf(error) ?? ''] };
}

/** Create an account with a role (admins, as the API is); the accounts made here are listed below the form. */
export function AccountsPage() {
  const [form, setForm] = useState<AccountForm>(emptyAccountForm);
  const [errors, setErrors] = useState<AccountErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [created, setCreated] = useState<Created[]>([]);
  const create = useMutation({
    mutationFn: async (body: AccountBody) => unwrap(await api.POST('/api/v1/users', { body })),
    onSuccess: (account) => {
      setCreated((list) => [{ id: account.id, name: account.name, email: account.email, role: account.role }, ...list]);
      setNotice(t.accounts.created(account.name, t.accounts.roles[account.role]));
      setForm(emptyAccountForm());
    },
    onError: (error) => setErrors(errorsOf(error)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const read = readAccountForm(form);
    setErrors(read.errors);
    if (read.body) create.mutate(read.body);
  }

  const change = (patch: Partial<AccountForm>) => setForm((current) => ({ ...current, ...patch }));
  const input = (name: Exclude<AccountField, 'role'>, label: string, type: string, hint?: string) => (
    <Field
      label={label}
      hint={errors[name]?.join(' ') ?? hint}
      className={errors[name] ? 'invalid' : undefined}
      render={(a11y) => <input {...a11y} aria-invalid={Boolean(errors[name])} type={type} value={form[name]} onChange={(e) => change({ [name]: e.target.value })} />}
    />
  );
  const fieldErrors = Object.keys(errors).some((key) => key !== GENERAL);

  return (
    <main id="main" className="narrow">
      <BackToConsole />
      <h1>{t.accounts.title}</h1>
      <p className="hint">{t.accounts.intro}</p>
      <form onSubmit={submit} className="stack" noValidate aria-label={t.accounts.create}>
        {input('name', t.accounts.name, 'text')}
        {input('email', t.accounts.email, 'email')}
        {input('password', t.accounts.password, 'password', t.accounts.passwordHint)}
        <Field
          label={t.accounts.role}
          hint={errors.role?.join(' ')}
          className={errors.role ? 'invalid' : undefined}
          render={(a11y) => (
            <select {...a11y} value={form.role} onChange={(e) => change({ role: e.target.value as AccountForm['role'] })}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t.accounts.roles[role]}
                </option>
              ))}
            </select>
          )}
        />
        {form.role === 'agent' && input('languages', t.accounts.languages, 'text', t.accounts.languagesHint)}
        <div className="actions">
          <button type="submit" disabled={create.isPending}>
            {t.accounts.create}
          </button>
        </div>
        <Feedback error={errors[GENERAL]?.join(' ') ?? (fieldErrors ? t.accounts.notCreated : null)} notice={notice} />
      </form>
      {created.length > 0 && (
        <section aria-labelledby="created-heading">
          <h2 id="created-heading">{t.accounts.createdList}</h2>
          <ul className="cards">
            {created.map((account) => (
              <li key={account.id} className="card">
                <p className="card-title">
                  {account.name} <span className="meta">{account.email}</span>
                </p>
                <p>{t.accounts.roles[account.role]}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
