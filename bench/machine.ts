import { execFileSync } from 'child_process';
import Redis from 'ioredis';
import { cpus, loadavg, release, totalmem, type } from 'os';
import { Client } from 'pg';
import { MachineFacts } from './result';

/** Versions are asked of the running servers, not of the client tools on PATH. */
export async function machineFacts(databaseUrl: string, redisUrl: string): Promise<Omit<MachineFacts, 'loadAverageDuringRun'>> {
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  const redis = new Redis(redisUrl);
  try {
    const { rows } = await pg.query<{ server_version: string }>('SHOW server_version');
    const info = await redis.info('server');
    return {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      loadAverageAtStart: Math.round(loadavg()[0] * 100) / 100,
      os: `${type()} ${release()}`,
      node: process.version,
      postgres: rows[0].server_version,
      redis: info.match(/redis_version:(\S+)/)?.[1] ?? 'unknown',
    };
  } finally {
    await pg.end();
    redis.disconnect();
  }
}

/** The code measured: BENCH_REVISION when set (a snapshot without .git), else the checkout's commit, "+changes" when src or migrations differ from it. */
export function sourceRevision(root: string): string {
  if (process.env.BENCH_REVISION) return process.env.BENCH_REVISION;
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--', 'src', 'migrations') === '' ? commit : `${commit}+changes`;
  } catch {
    return 'unknown';
  }
}

/** Samples the 1-minute load average until stopped: a busy machine explains figures that a quiet one would not show. */
export function monitorLoad(everyMs = 5000): { stop: () => { mean: number; max: number } } {
  const samples = [loadavg()[0]];
  const timer = setInterval(() => samples.push(loadavg()[0]), everyMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
      return { mean: Math.round(mean * 100) / 100, max: Math.round(Math.max(...samples) * 100) / 100 };
    },
  };
}
