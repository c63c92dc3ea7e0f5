import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, type Schemas, unwrap } from '../api/client';
import { t } from '../i18n';
import { languageLabel } from '../shared/languages';
import { formatDateTime } from '../shared/time';
import { BackToConsole } from '../shared/ui/BackToConsole';
import { Facts } from '../shared/ui/Facts';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { Field } from '../shared/ui/Field';
import { percent, REPLAY_LIMITS, type ReplayChoice, replayFigures, sampleScenario, wholeWithin } from './planning';

type Simulation = Schemas['SimulationViewDto'];
const POLL_MS = 1000;

function usePlan() {
  return useQuery({
    queryKey: ['staffing-plan'],
    queryFn: async () => unwrap(await api.GET('/api/v1/staffing/plan')),
    refetchInterval: 60_000,
  });
}

function useSimulation(id: string | null) {
  return useQuery({
    queryKey: ['simulation', id],
    enabled: id !== null,
    queryFn: async () => unwrap(await api.GET('/api/v1/simulations/{id}', { params: { path: { id: id! } } })),
    refetchInterval: (query) => (query.state.data?.status === 'running' || !query.state.data ? POLL_MS : false),
  });
}

/** Planning a surge: the staffing plan per language and hour, and a replay of a sample surge with its chart. */
export function PlanningPage() {
  return (
    <main id="main">
      <BackToConsole />
      <h1>{t.planning.title}</h1>
      <p>{t.planning.intro}</p>
      <StaffingPlan />
      <Replay />
    </main>
  );
}

function StaffingPlan() {
  const plan = usePlan();
  const data = plan.data;
  const rows = data?.buckets.flatMap((bucket) => bucket.languages.map((language) => ({ bucket, language }))) ?? [];
  return (
    <section aria-labelledby="plan-heading" className="panel">
      <h2 id="plan-heading">{t.planning.plan}</h2>
      {data && (
        <>
          <p className="hint">{t.planning.planBasis(data.slaMinutes, percent(data.targetAttainment))}</p>
          <p className="hint">{data.model}</p>
        </>
      )}
      {rows.length ? (
        <div className="table-scroll" tabIndex={0} role="group" aria-labelledby="plan-heading">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.planning.hour}</th>
                <th scope="col">{t.planning.language}</th>
                <th scope="col">{t.planning.forecast}</th>
                <th scope="col">{t.planning.needed}</th>
                <th scope="col">{t.planning.scheduled}</th>
                <th scope="col">{t.planning.shortfall}</th>
                <th scope="col">{t.planning.predicted}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ bucket, language }) => (
                <tr key={`${bucket.start}-${language.language}`}>
                  <td>{t.planning.bucket(formatDateTime(bucket.start), formatDateTime(bucket.end))}</td>
                  <th scope="row">{languageLabel(language.language)}</th>
                  <td>{language.forecastArrivals}</td>
                  <td>{language.neededAgents}</td>
                  <td>{language.scheduledAgents}</td>
                  <td>{language.shortfall}</td>
                  <td>{percent(language.predictedAttainment)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{plan.isPending ? t.loading : t.planning.noPlan}</p>
      )}
      {data && (
        <>
          <h3 id="invites-heading">{t.planning.invites}</h3>
          {data.invites.some((invite) => invite.volunteers > 0) ? (
            <ul aria-labelledby="invites-heading">
              {data.invites
                .filter((invite) => invite.volunteers > 0)
                .map((invite) => (
                  <li key={invite.language}>{t.planning.invite(languageLabel(invite.language), invite.volunteers)}</li>
                ))}
            </ul>
          ) : (
            <p>{t.planning.noInvites}</p>
          )}
        </>
      )}
      <Feedback error={messageOf(plan.error)} />
    </section>
  );
}

function Replay() {
  const [total, setTotal] = useState('2000');
  const [hours, setHours] = useState('24');
  const [staffing, setStaffing] = useState<ReplayChoice['staffing']>('scenario');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [id, setId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: async (choice: ReplayChoice) =>
      unwrap(await api.POST('/api/v1/simulations', { body: { scenario: sampleScenario(choice, new Date()), staffing: choice.staffing } })),
    onSuccess: (created) => setId(created.id),
  });
  const simulation = useSimulation(id);
  const running = start.isPending || simulation.data?.status === 'running' || (id !== null && !simulation.data && !simulation.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const conversations = wholeWithin(total, REPLAY_LIMITS.total);
    const span = wholeWithin(hours, REPLAY_LIMITS.hours);
    if (conversations === null) return setInvalid(t.planning.totalInvalid);
    if (span === null) return setInvalid(t.planning.hoursInvalid);
    setInvalid(null);
    setId(null);
    start.mutate({ total: conversations, hours: span, staffing });
  }

  return (
    <section aria-labelledby="replay-heading" className="panel">
      <h2 id="replay-heading">{t.planning.replay}</h2>
      <p>{t.planning.replayIntro}</p>
      <form onSubmit={submit} className="stack" aria-labelledby="replay-heading">
        <Field
          label={t.planning.total}
          hint={t.planning.totalHint}
          render={(a11y) => <input {...a11y} inputMode="numeric" value={total} onChange={(e) => setTotal(e.target.value)} />}
        />
        <Field
          label={t.planning.hours}
          hint={t.planning.hoursHint}
          render={(a11y) => <input {...a11y} inputMode="numeric" value={hours} onChange={(e) => setHours(e.target.value)} />}
        />
        <Field
          label={t.planning.staffing}
          render={(a11y) => (
            <select {...a11y} value={staffing} onChange={(e) => setStaffing(e.target.value as ReplayChoice['staffing'])}>
              <option value="scenario">{t.planning.staffingScenario}</option>
              <option value="plan">{t.planning.staffingPlan}</option>
            </select>
          )}
        />
        <div className="actions">
          <button type="submit" disabled={running}>
            {t.planning.start}
          </button>
        </div>
        <Feedback error={invalid ?? messageOf(start.error ?? simulation.error)} />
      </form>
      {simulation.data && <ReplayOutcome simulation={simulation.data} />}
    </section>
  );
}

function ReplayOutcome({ simulation }: { simulation: Simulation }) {
  if (simulation.status === 'running') {
    return (
      <div className="stack">
        <label htmlFor="replay-progress">{t.planning.progressLabel}</label>
        <progress id="replay-progress" max={1} value={simulation.progress}>
          {percent(simulation.progress)}
        </progress>
        <p role="status">{t.planning.running(percent(simulation.progress))}</p>
      </div>
    );
  }
  if (simulation.status === 'failed') return <p role="alert">{t.planning.failed(simulation.error ?? '')}</p>;
  const f = replayFigures(simulation.result);
  const count = (value: number | null) => (value === null ? '–' : value);
  const minutes = (value: number | null) => (value === null ? '–' : t.planning.minutes(value));
  const items: [string, string | number][] = [
    [t.planning.arrivals, count(f.arrivals)],
    [t.planning.answered, count(f.answered)],
    [t.planning.abandoned, count(f.abandoned)],
    [t.planning.withinSla, percent(f.slaAttainment)],
    [t.planning.p50, minutes(f.p50)],
    [t.planning.p90, minutes(f.p90)],
    [t.planning.maxQueued, count(f.maxQueued)],
    [t.planning.utilisation, percent(f.utilisation)],
  ];
  if (f.planAttainment !== null) items.push([t.planning.planAttainment, percent(f.planAttainment)]);
  return (
    <div className="stack">
      <h3>{t.planning.done}</h3>
      <p role="status">{t.planning.finished}</p>
      <Facts label={t.planning.figures} items={items} />
      <figure className="replay-chart">
        <img src={simulation.chartUrl} alt={t.planning.chartAlt(count(f.maxQueued), percent(f.slaAttainment), minutes(f.p90))} />
        <figcaption>{t.planning.chartCaption}</figcaption>
      </figure>
    </div>
  );
}
