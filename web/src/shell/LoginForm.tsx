import { type FormEvent, useState } from 'react';
import { t } from '../i18n';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { Field } from '../shared/ui/Field';
import { useLogIn } from './session';

export function LoginForm({ notice }: { notice?: string | null }) {
  const logIn = useLogIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    logIn.mutate({ email, password });
  }

  return (
    <main id="main" className="narrow">
      <h1>{t.login.title}</h1>
      <form onSubmit={submit} className="stack">
        <Field
          label={t.login.email}
          render={(a11y) => <input {...a11y} type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />}
        />
        <Field
          label={t.login.password}
          render={(a11y) => (
            <input {...a11y} type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          )}
        />
        <button type="submit" disabled={logIn.isPending}>
          {t.login.submit}
        </button>
      </form>
      <Feedback error={messageOf(logIn.error)} notice={notice} />
    </main>
  );
}
