import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { queryClient } from '../api/query-client';
import { t } from '../i18n';
import { languageLabel } from '../shared/languages';
import { formatSkills } from '../shared/skills';
import { BackToConsole } from '../shared/ui/BackToConsole';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { formToBody, type Rule, ruleToForm } from './rule-form';
import { RuleEditor } from './RuleEditor';
import { RULES_KEY, useRules } from './queries';
import { SimulatePanel } from './SimulatePanel';

/** What a rule matches and where it sends the work, in one line each. */
function describeRule(rule: Rule): { match: string; route: string } {
  const { match, route } = rule;
  const conditions = [
    match.channels?.length ? match.channels.map((channel) => t.channels[channel] ?? channel).join(' or ') : null,
    match.languages?.length ? match.languages.map(languageLabel).join(' or ') : null,
    match.keywordsAny?.length ? t.rules.mentions(match.keywordsAny.join(', ')) : null,
    match.hasFlightNumber === undefined ? null : match.hasFlightNumber ? t.rules.withFlight : t.rules.withoutFlight,
    match.surgeOnly ? t.rules.duringSurge : null,
  ].filter(Boolean);
  const requirements = [
    route.requiredSkills?.length ? t.rules.skills(formatSkills(route.requiredSkills)) : null,
    route.agentKinds?.length ? route.agentKinds.map((kind) => t.rules.kinds[kind]).join(' or ') : null,
    route.minLanguageLevel ? t.rules.languageLevel(route.minLanguageLevel) : null,
    t.rules.priorityIs(route.priority ?? 5),
    t.rules.strategies[route.strategy ?? 'least_loaded'],
    route.escalation?.length ? t.rules.steps(route.escalation.length) : null,
  ].filter(Boolean);
  return { match: conditions.length ? conditions.join(' · ') : t.rules.everything, route: requirements.join(' · ') };
}

/** The routing rules in evaluation order with the ruleset version; create, edit, enable or disable; simulate a message. */
export function RulesPage() {
  const rules = useRules();
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const toggle = useMutation({
    mutationFn: async (rule: Rule) => {
      const { body } = formToBody({ ...ruleToForm(rule), enabled: !rule.enabled }, rule);
      return unwrap(await api.PUT('/api/v1/routing/rules/{id}', { params: { path: { id: rule.id } }, body: body! }));
    },
    onMutate: () => setNotice(null),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: RULES_KEY });
      setNotice(saved.enabled ? t.rules.enabledNow(saved.name, saved.version) : t.rules.disabledNow(saved.name, saved.version));
    },
  });
  const items = rules.data?.items ?? [];
  const nextOrder = items.length ? Math.max(...items.map((rule) => rule.order)) + 10 : 10;
  const done = (message: string) => {
    setEditing(null);
    setNotice(message || null);
  };

  return (
    <main id="main">
      <BackToConsole />
      <h1>{t.rules.title}</h1>
      {rules.data && <p>{t.rules.version(rules.data.version)}</p>}
      <p className="hint">{t.rules.intro}</p>
      <div className="actions">
        <button type="button" onClick={() => setEditing('new')} disabled={editing !== null}>
          {t.rules.new}
        </button>
      </div>
      <Feedback error={messageOf(rules.error ?? toggle.error)} notice={notice} />
      {editing === 'new' && <RuleEditor nextOrder={nextOrder} onDone={done} />}
      {rules.isPending ? (
        <p>{t.loading}</p>
      ) : (
        <ol className="cards" aria-label={t.rules.list}>
          {items.map((rule) => {
            const described = describeRule(rule);
            return editing !== 'new' && editing?.id === rule.id ? (
              <li key={rule.id}>
                <RuleEditor rule={rule} nextOrder={nextOrder} onDone={done} />
              </li>
            ) : (
              <li key={rule.id} className={rule.enabled ? 'card' : 'card disabled'}>
                <p className="card-title">
                  {rule.name} <span className="meta">{t.rules.orderIs(rule.order)}</span>
                  {!rule.enabled && <span className="meta"> · {t.rules.disabled}</span>}
                </p>
                <p>{t.rules.when(described.match)}</p>
                <p>{t.rules.then(described.route)}</p>
                <div className="actions">
                  <button type="button" className="secondary" onClick={() => setEditing(rule)} disabled={editing !== null} aria-label={t.rules.editNamed(rule.name)}>
                    {t.rules.edit}
                  </button>
                  <button type="button" className="secondary" onClick={() => toggle.mutate(rule)} disabled={toggle.isPending} aria-label={(rule.enabled ? t.rules.disableNamed : t.rules.enableNamed)(rule.name)}>
                    {rule.enabled ? t.rules.disable : t.rules.enable}
                  </button>
                </div>
              </li>
            );
          })}
          <li className="card">
            <p className="card-title">{t.rules.defaultRule}</p>
            <p>{t.rules.defaultRuleText}</p>
          </li>
        </ol>
      )}
      <SimulatePanel />
    </main>
  );
}
