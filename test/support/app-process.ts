import { ChildProcess, spawn } from 'child_process';
import { AddressInfo, createServer } from 'net';
import { join } from 'path';

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface AppProcess {
  baseUrl: string;
  /** the OS process id, for reading its CPU time from /proc */
  pid: number;
  /** Exit code when the process ended by itself, with the tail of its output. */
  crash: () => { exitCode: number | null; output: string } | null;
  /** The tail of what the process wrote (its logs), for diagnosing a failed assertion. */
  output: () => string;
  /** SIGTERM, then SIGKILL after 10 s; resolves with how the process ended. */
  stop: () => Promise<ProcessExit>;
  /** Ends the process abruptly (SIGKILL): no shutdown hook runs, as in a crash. */
  kill: () => Promise<void>;
}

const ROOT = join(__dirname, '..', '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`application process exited with ${child.exitCode}`);
    const healthy = await fetch(`${baseUrl}/health`).then((r) => r.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`application at ${baseUrl} did not become healthy`);
}

/**
 * Starts the real service (src/main.ts) as a separate OS process: its own HTTP server and its own
 * Bull workers, against the Postgres and Redis named in `env`.
 */
export async function startAppProcess(env: Record<string, string>): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keepTail = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  let stopping = false;
  return {
    baseUrl,
    pid: child.pid!,
    crash: () => (child.exitCode !== null && !stopping ? { exitCode: child.exitCode, output } : null),
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        stopping = true;
        if (child.exitCode !== null || child.signalCode !== null) return resolve({ code: child.exitCode, signal: child.signalCode });
        child.once('exit', (code, signal) => resolve({ code, signal }));
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
    kill: () =>
      new Promise((resolve) => {
        stopping = true;
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
