import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../api/client';
import { t } from '../i18n';
import { languageOptions } from '../shared/languages';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { Field } from '../shared/ui/Field';
import { Facts } from '../shared/ui/Facts';
import { useAgentNames } from './queries';
import { type Channel, CHANNELS } from './rule-form';


/** Runs a message against the rules (nothing changes) and shows the rule, the requirements and each candidate with why. */
export function SimulatePanel() {
  const [channel, setChannel] = useState<Channel>('twitter');
  const [language, setLanguage] = useState('');
  const [text, setText] = useState('');
  const [flightNumber, setFlightNumber] = useState('');
  const names = useAgentNames();
  const simulate = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/routing/simulate', {
          body: {
            channel,
            externalId: `console-simulation-${Date.now()}`,
            from: { handle: 'simulation' },
            text,
            ...(language ? { language } : {}),
            ...(flightNumber.trim() ? { flightNumber: flightNumber.trim() } : {}),
          },
        }),
      ),
  });
  const result = simulate.data;
  const nameOf = (id: string) => names.data?.get(id) ?? id;

  function submit(event: FormEvent) {
    event.preventDefault();
    simulate.mutate();
  }

  return (
    <section aria-labelledby="simulate-heading" className="panel">
      <h2 id="simulate-heading">{t.rules.simulate.title}</h2>
      <p className="hint">{t.rules.simulate.intro}</p>
      <form onSubmit={submit} className="stack">
        <div className="row">
          <Field
            label={t.rules.simulate.channel}
            render={(a11y) => (
              <select {...a11y} value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
                {CHANNELS.map((option) => (
                  <option key={option} value={option}>
                    {t.channels[option]}
                  </option>
                ))}
              </select>
            )}
          />
          <Field
            label={t.rules.simulate.language}
            render={(a11y) => (
              <select {...a11y} value={language} onChange={(e) => setLanguage(e.target.value)}>
                <option value="">{t.rules.simulate.detect}</option>
                {languageOptions().map((option) => (
                  <option key={option.code} value={option.code}>
                    {option.label}
                  </option>
                ))}
              </select>
            )}
          />
          <Field label={t.rules.simulate.flight} render={(a11y) => <input {...a11y} type="text" value={flightNumber} onChange={(e) => setFlightNumber(e.target.value)} />} />
        </div>
        <Field label={t.rules.simulate.message} render={(a11y) => <textarea {...a11y} rows={3} maxLength={5000} value={text} onChange={(e) => setText(e.target.value)} />} />
        <div className="actions">
          <button type="submit" disabled={simulate.isPending || !text.trim()}>
            {t.rules.simulate.run}
          </button>
        </div>
      </form>
      <Feedback error={messageOf(simulate.error)} />
      {result && (
        <div aria-label={t.rules.simulate.result} role="group">
          <Facts
            items={[
              [t.rules.simulate.rule, t.rules.simulate.ruleVersion(result.rule.name, result.rule.version)],
              [t.rules.simulate.languageUsed, result.language],
              [t.rules.simulate.chosen, result.chosen ? `${nameOf(result.chosen.agentId)}: ${result.chosen.reason}` : t.rules.simulate.nobody],
            ]}
          />
          <p className="hint code">{t.rules.simulate.requirements(JSON.stringify(result.requirements))}</p>
          {result.candidates.length ? (
            <div className="table-scroll" tabIndex={0} role="group" aria-label={t.rules.simulate.candidates}>
              <table>
                <caption>{t.rules.simulate.candidates}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.rules.simulate.agent}</th>
                    <th scope="col">{t.rules.simulate.load}</th>
                    <th scope="col">{t.rules.simulate.eligible}</th>
                    <th scope="col">{t.rules.simulate.why}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.candidates.map((candidate) => (
                    <tr key={candidate.agentId}>
                      <th scope="row">{nameOf(candidate.agentId)}</th>
                      <td>
                        {candidate.load} / {candidate.maxConcurrent}
                      </td>
                      <td>{candidate.eligible ? t.rules.yes : t.rules.no}</td>
                      <td>{candidate.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>{t.rules.simulate.noCandidates}</p>
          )}
        </div>
      )}
    </section>
  );
}
