import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { queryClient } from '../api/query-client';
import { t } from '../i18n';
import { SESSION_KEY, type SessionUser } from '../shell/session';
import { languageOptions } from '../shared/languages';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { Field, type FieldA11y } from '../shared/ui/Field';

const LEVELS = [1, 2, 3, 4, 5];

interface Row {
  key: number;
  value: string;
  level: number;
}

let nextKey = 1;
const newRow = (value = '', level = 3): Row => ({ key: nextKey++, value, level });

/** Rows of "a thing and its level 1–5", as languages and skills are entered. */
function LevelRows(props: {
  legend: string;
  rows: Row[];
  setRows: (rows: Row[]) => void;
  valueLabel: string;
  levelLabel: string;
  addLabel: string;
  removeLabel: (position: number) => string;
  renderValue: (row: Row, update: (value: string) => void, a11y: FieldA11y) => ReactElement;
  hint?: string;
}) {
  const { rows, setRows } = props;
  const hintId = useId();
  const update = (key: number, change: Partial<Row>) => setRows(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  return (
    <fieldset className="rows">
      <legend>{props.legend}</legend>
      {props.hint && (
        <p id={hintId} className="hint">
          {props.hint}
        </p>
      )}
      {rows.map((row, index) => (
        <div key={row.key} className="row">
          <Field label={props.valueLabel} render={(a11y) => props.renderValue(row, (value) => update(row.key, { value }), a11y)} />
          <Field
            label={props.levelLabel}
            className="level"
            render={(a11y) => (
              <select {...a11y} value={row.level} onChange={(e) => update(row.key, { level: Number(e.target.value) })}>
                {LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {level}
                  </option>
                ))}
              </select>
            )}
          />
          <button type="button" className="secondary" onClick={() => setRows(rows.filter((other) => other.key !== row.key))}>
            {props.removeLabel(index + 1)}
          </button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => setRows([...rows, newRow()])}>
        {props.addLabel}
      </button>
    </fieldset>
  );
}

/** A volunteer's enrollment through an invite link; then logged in (or told that approval is pending). */
export function JoinPage({ user }: { user: SessionUser | null }) {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [languages, setLanguages] = useState<Row[]>(() => [newRow('', 5)]);
  const [skills, setSkills] = useState<Row[]>([]);
  const [pending, setPending] = useState(false);
  const options = languageOptions();

  const join = useMutation({
    mutationFn: async () => {
      const enrollment = unwrap(
        await api.POST('/api/v1/volunteers/enroll', {
          body: {
            inviteCode: code,
            name: name.trim(),
            email: email.trim(),
            password,
            languages: languages.filter((row) => row.value).map((row) => ({ code: row.value, level: row.level })),
            skills: skills.filter((row) => row.value.trim()).map((row) => ({ name: row.value.trim().toLowerCase(), level: row.level })),
          },
        }),
      );
      if (enrollment.status === 'pending') return null;
      return unwrap(await api.POST('/api/v1/auth/session', { body: { email: email.trim(), password } }));
    },
    onSuccess: async (session) => {
      if (!session) return setPending(true);
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      navigate('/desk');
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    join.mutate();
  }

  if (pending) {
    return (
      <main id="main" className="narrow">
        <h1>{t.join.title}</h1>
        <p role="status">{t.join.pending}</p>
        <p>
          <Link to="/">{t.join.goToLogin}</Link>
        </p>
      </main>
    );
  }

  return (
    <main id="main" className="narrow">
      <h1>{t.join.title}</h1>
      {user ? (
        <p>
          {t.join.alreadyLoggedIn(user.name)} <Link to="/">{t.join.toDesk}</Link>
        </p>
      ) : (
        <p>{t.join.intro}</p>
      )}
      <form onSubmit={submit} className="stack">
        <Field
          label={t.join.name}
          render={(a11y) => <input {...a11y} type="text" name="name" autoComplete="name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />}
        />
        <Field
          label={t.join.email}
          render={(a11y) => <input {...a11y} type="email" name="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />}
        />
        <Field
          label={t.join.password}
          hint={t.join.passwordHint}
          render={(a11y) => (
            <input {...a11y} type="password" name="password" autoComplete="new-password" required minLength={10} value={password} onChange={(e) => setPassword(e.target.value)} />
          )}
        />
        <LevelRows
          legend={t.join.languages}
          hint={t.join.levelHint}
          rows={languages}
          setRows={setLanguages}
          valueLabel={t.join.language}
          levelLabel={t.join.level}
          addLabel={t.join.addLanguage}
          removeLabel={t.join.removeLanguage}
          renderValue={(row, update, a11y) => (
            <select {...a11y} required value={row.value} onChange={(e) => update(e.target.value)}>
              <option value="">{t.join.chooseLanguage}</option>
              {options.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        />
        <LevelRows
          legend={t.join.skills}
          hint={t.join.skillHint}
          rows={skills}
          setRows={setSkills}
          valueLabel={t.join.skill}
          levelLabel={t.join.skillLevel}
          addLabel={t.join.addSkill}
          removeLabel={t.join.removeSkill}
          renderValue={(row, update, a11y) => <input {...a11y} type="text" pattern="[a-z0-9_\-]{1,40}" value={row.value} onChange={(e) => update(e.target.value)} />}
        />
        <button type="submit" disabled={join.isPending}>
          {t.join.submit}
        </button>
      </form>
      <Feedback error={messageOf(join.error)} />
    </main>
  );
}
