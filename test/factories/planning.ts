import { smallScenario } from '../../src/simulations/replay/scenario.fixture';
import { Scenario } from '../../src/simulations/replay/scenario';
import { TestApp } from '../support/test-app';
import { pollUntil } from './conversations';

/** Staffing plans and replays, arranged through the HTTP API. */

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A fresh small scenario (one day, 2,000 conversations, nl/en/de) with overrides. */
export function newScenario(overrides: Partial<Scenario> = {}): Scenario {
  return JSON.parse(JSON.stringify(smallScenario(overrides))) as Scenario;
}

export interface SimulationView {
  id: string;
  status: 'running' | 'done' | 'failed';
  progress: number;
  result: Record<string, any> | null;
  error: string | null;
  chartUrl: string;
}

export async function startSimulation(t: TestApp, token: string, body: Record<string, unknown>): Promise<string> {
  const response = await t.http().post('/api/v1/simulations').set(auth(token)).send(body).expect(202);
  return response.body.id as string;
}

export async function readSimulation(t: TestApp, token: string, id: string): Promise<SimulationView> {
  const response = await t.http().get(`/api/v1/simulations/${id}`).set(auth(token)).expect(200);
  return response.body as SimulationView;
}

/** Polls until the replay is over, returning every view seen on the way. */
export async function untilSimulationEnds(t: TestApp, token: string, id: string, deadlineMs = 60_000): Promise<SimulationView[]> {
  const seen: SimulationView[] = [];
  await pollUntil(
    async () => {
      const view = await readSimulation(t, token, id);
      seen.push(view);
      return view;
    },
    (view) => view.status !== 'running',
    deadlineMs,
  );
  return seen;
}
