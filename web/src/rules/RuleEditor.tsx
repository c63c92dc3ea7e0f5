import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { api, ApiError, unwrap } from '../api/client';
import { queryClient } from '../api/query-client';
import { t } from '../i18n';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { Field, type FieldA11y } from '../shared/ui/Field';
import { FormActions } from '../shared/ui/FormActions';
import { CHANNELS, errorsByField, formToBody, GENERAL, type Rule, type RuleBody, type RuleErrors, type RuleField, type RuleForm, ruleToForm, emptyRuleForm } from './rule-form';
import { RULES_KEY } from './queries';

const KINDS = ['staff', 'volunteer'];
const STRATEGIES = ['least_loaded', 'round_robin', 'longest_idle'];

/** Create or edit a rule; the service's 400 messages stand beside the fields they name. */
export function RuleEditor({ rule, nextOrder, onDone }: { rule?: Rule; nextOrder: number; onDone: (notice: string) => void }) {
  const [form, setForm] = useState<RuleForm>(() => (rule ? ruleToForm(rule) : emptyRuleForm(nextOrder)));
  const [errors, setErrors] = useState<RuleErrors>({});
  const save = useMutation({
    mutationFn: async (body: RuleBody) =>
      rule
        ? unwrap(await api.PUT('/api/v1/routing/rules/{id}', { params: { path: { id: rule.id } }, body }))
        : unwrap(await api.POST('/api/v1/routing/rules', { body })),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: RULES_KEY });
      onDone(t.rules.saved(saved.name, saved.version));
    },
    onError: (error) => setErrors(error instanceof ApiError && error.status === 400 ? errorsByField(error.messages) : { [GENERAL]: [messageOf(error) ?? ''] }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const read = formToBody(form, rule);
    setErrors(read.errors);
    if (read.body) save.mutate(read.body);
  }

  const change = (patch: Partial<RuleForm>) => setForm((current) => ({ ...current, ...patch }));
  /** A labelled control whose hint turns into the field's errors. */
  const field = (name: RuleField, label: string, render: (a11y: FieldA11y & { 'aria-invalid': boolean }) => ReactNode, hint?: string) => (
    <Field
      label={label}
      hint={errors[name]?.join(' ') ?? hint}
      className={errors[name] ? 'invalid' : undefined}
      render={(a11y) => render({ ...a11y, 'aria-invalid': Boolean(errors[name]) })}
    />
  );
  const text = (name: 'name' | 'languages' | 'keywords' | 'requiredSkills') => (a11y: FieldA11y) => (
    <input {...a11y} type="text" value={form[name]} onChange={(e) => change({ [name]: e.target.value })} />
  );
  const number = (name: 'order' | 'minLanguageLevel' | 'priority' | 'reassignAfterSeconds') => (a11y: FieldA11y) => (
    <input {...a11y} type="number" value={form[name]} onChange={(e) => change({ [name]: e.target.value })} />
  );

  return (
    <form onSubmit={submit} className="stack panel" noValidate aria-label={rule ? t.rules.editTitle(rule.name) : t.rules.newTitle}>
      <h2>{rule ? t.rules.editTitle(rule.name) : t.rules.newTitle}</h2>
      <div className="row">
        {field('name', t.rules.name, text('name'))}
        {field('order', t.rules.order, number('order'), t.rules.orderHint)}
      </div>
      <Check label={t.rules.enabled} checked={form.enabled} onChange={(enabled) => change({ enabled })} />

      <fieldset className="rows">
        <legend>{t.rules.match}</legend>
        <p className="hint">{t.rules.matchHint}</p>
        <Choices legend={t.rules.channels} options={[...CHANNELS]} labels={t.channels} chosen={form.channels} onChange={(channels) => change({ channels })} errors={errors.channels} />
        {field('languages', t.rules.languages, text('languages'), t.rules.languagesHint)}
        {field('keywords', t.rules.keywords, text('keywords'), t.rules.keywordsHint)}
        {field('hasFlightNumber', t.rules.hasFlightNumber, (a11y) => (
          <select {...a11y} value={form.hasFlightNumber} onChange={(e) => change({ hasFlightNumber: e.target.value as RuleForm['hasFlightNumber'] })}>
            <option value="">{t.rules.either}</option>
            <option value="yes">{t.rules.yes}</option>
            <option value="no">{t.rules.no}</option>
          </select>
        ))}
        <Check label={t.rules.surgeOnly} checked={form.surgeOnly} onChange={(surgeOnly) => change({ surgeOnly })} />
      </fieldset>

      <fieldset className="rows">
        <legend>{t.rules.route}</legend>
        {field('requiredSkills', t.rules.requiredSkills, text('requiredSkills'), t.rules.requiredSkillsHint)}
        <Choices legend={t.rules.agentKinds} options={KINDS} labels={t.rules.kinds} chosen={form.agentKinds} onChange={(agentKinds) => change({ agentKinds })} errors={errors.agentKinds} />
        <div className="row">
          {field('minLanguageLevel', t.rules.minLanguageLevel, number('minLanguageLevel'), t.rules.defaultIs('1'))}
          {field('priority', t.rules.priority, number('priority'), t.rules.priorityHint)}
        </div>
        <div className="row">
          {field('strategy', t.rules.strategy, (a11y) => (
            <select {...a11y} value={form.strategy} onChange={(e) => change({ strategy: e.target.value })}>
              <option value="">{t.rules.defaultStrategy}</option>
              {STRATEGIES.map((strategy) => (
                <option key={strategy} value={strategy}>
                  {t.rules.strategies[strategy]}
                </option>
              ))}
            </select>
          ))}
          {field('reassignAfterSeconds', t.rules.reassignAfterSeconds, number('reassignAfterSeconds'), t.rules.reassignHint)}
        </div>
        {field('escalation', t.rules.escalation, (a11y) => (
          <textarea {...a11y} rows={4} className="code" value={form.escalation} onChange={(e) => change({ escalation: e.target.value })} />
        ), t.rules.escalationHint)}
      </fieldset>

      <FormActions submit={t.rules.save} busy={save.isPending} onCancel={() => onDone('')} />
      <Feedback error={errors[GENERAL]?.join(' ') ?? (Object.keys(errors).length ? t.rules.errors.seeFields : null)} />
    </form>
  );
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}

/** A group of checkboxes; an empty choice means "any". */
function Choices(props: { legend: string; options: string[]; labels: Record<string, string>; chosen: string[]; onChange: (chosen: string[]) => void; errors?: string[] }) {
  return (
    <fieldset className={props.errors ? 'choices invalid' : 'choices'}>
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <Check
          key={option}
          label={props.labels[option] ?? option}
          checked={props.chosen.includes(option)}
          onChange={(checked) => props.onChange(checked ? [...props.chosen, option] : props.chosen.filter((other) => other !== option))}
        />
      ))}
      {props.errors && <p className="hint">{props.errors.join(' ')}</p>}
    </fieldset>
  );
}
