/**
 * The load driver: a process of its own so its CPU use is not counted as the service's and its
 * event loop never delays the bench's own timing. Started by bench/e2e/driver-process.ts over
 * IPC; it offers passenger messages and runs the simulated agents, and reports figures back.
 */
import { DriverInit, FromDriver, ToDriver } from './e2e/driver-protocol';
import { IntakeLoad } from './e2e/intake-load';
import { KeepAliveClient } from './e2e/keep-alive-client';
import { SimulatedAgents } from './e2e/simulated-agents';
import { PhaseConfig } from './profiles';

const INTAKE_SOCKETS = 256;
const AGENT_SOCKETS = 32;

let init: DriverInit | null = null;
let intakeClients: KeepAliveClient[] = [];
let agentClients: KeepAliveClient[] = [];
let agents: SimulatedAgents | null = null;

function reply(message: FromDriver): void {
  process.send?.(message);
}

async function runPhase(tag: string, phase: PhaseConfig): Promise<void> {
  if (!init) throw new Error('phase before init');
  const load = new IntakeLoad(intakeClients, init.intakeSecret, init.languages, tag);
  const startedAtMs = Date.now();
  const ticker = setInterval(() => {
    reply({ type: 'progress', tag, ...load.counts(), elapsedSeconds: (Date.now() - startedAtMs) / 1000 });
  }, 1000);
  try {
    await load.offer(phase);
  } finally {
    clearInterval(ticker);
  }
  reply({ type: 'phase-done', result: load.result(startedAtMs, Date.now()) });
}

async function handle(message: ToDriver): Promise<void> {
  switch (message.type) {
    case 'init':
      init = message;
      intakeClients = message.baseUrls.map((url) => new KeepAliveClient(url, INTAKE_SOCKETS));
      agentClients = message.baseUrls.map((url) => new KeepAliveClient(url, AGENT_SOCKETS));
      reply({ type: 'ready' });
      return;
    case 'start-agents':
      if (!init) throw new Error('agents before init');
      agents = new SimulatedAgents(init.agents, (index) => agentClients[index % agentClients.length], init);
      agents.start();
      return;
    case 'phase':
      return runPhase(message.tag, message.phase);
    case 'stop': {
      const stats = agents ? await agents.stop() : { pushed: 0, listRequests: 0, resolved: 0, resolveRefused: 0, errors: 0 };
      [...intakeClients, ...agentClients].forEach((client) => client.close());
      reply({ type: 'stopped', agents: stats });
      return;
    }
  }
}

process.on('message', (message: ToDriver) => {
  handle(message).catch((error: Error) => reply({ type: 'error', message: error.stack ?? error.message }));
});
// The bench disconnects after 'stopped', or went away: nothing left to drive either way.
process.on('disconnect', () => process.exit(0));
