import { execFileSync } from 'child_process';
import { readdirSync, readFileSync } from 'fs';
import Redis from 'ioredis';
import { Client } from 'pg';
import { CpuPerConversation } from './result';

/**
 * CPU time of the service, Postgres and Redis, read from /proc. CPU time is what a conversation
 * costs whatever else runs on the machine; throughput and latency on shared cores are not.
 */

/** The fields of /proc/<pid>/stat the bench reads; times in clock ticks. */
export interface ProcStat {
  pid: number;
  comm: string;
  ppid: number;
  utime: number;
  stime: number;
  /** CPU of children that exited and were waited for */
  cutime: number;
  cstime: number;
}

/**
 * Parses one /proc/<pid>/stat line (proc(5)). The command name sits in parentheses and may itself
 * hold spaces and parentheses, so it runs to the last ")"; the fields after it are counted from there.
 */
export function parseProcStat(line: string): ProcStat {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open < 0 || close < open) throw new Error(`not a /proc stat line: ${line.slice(0, 80)}`);
  // After ")": state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17); index 0 is field 3.
  const rest = line.slice(close + 2).trim().split(/\s+/);
  const field = (n: number) => Number(rest[n - 3]);
  return {
    pid: Number(line.slice(0, open).trim()),
    comm: line.slice(open + 1, close),
    ppid: field(4),
    utime: field(14),
    stime: field(15),
    cutime: field(16),
    cstime: field(17),
  };
}

const ownTicks = (stat: ProcStat) => stat.utime + stat.stime;

/**
 * The whole cluster's CPU: the postmaster's own, that of its children that exited (backends come
 * and go; the postmaster waits for each, so theirs lands in its cutime/cstime) and that of its
 * live children (backends, checkpointer, WAL writer, autovacuum).
 */
export function clusterTicks(postmasterPid: number, stats: ProcStat[]): number {
  const postmaster = stats.find((stat) => stat.pid === postmasterPid);
  if (!postmaster) throw new Error(`postmaster ${postmasterPid} is not running`);
  const children = stats.filter((stat) => stat.ppid === postmasterPid).reduce((sum, stat) => sum + ownTicks(stat), 0);
  return ownTicks(postmaster) + postmaster.cutime + postmaster.cstime + children;
}

/**
 * Whether a Postgres process works for the given database: a backend's title (its cmdline) is
 * "postgres: [cluster: ]user database host activity", an autovacuum worker's
 * "postgres: [cluster: ]autovacuum worker database".
 */
export function servesDatabase(title: string, database: string): boolean {
  return title.split(/\s+/).slice(2).includes(database);
}

export interface CpuSample {
  service: number;
  /** ticks of each live backend of the bench's database, by pid */
  backends: Record<number, number>;
  postgresCluster: number;
  redis: number;
}

/**
 * CPU used between two samples, ms per conversation; null when there were no conversations. A
 * backend that started in between counts from zero; one that exited in between is lost, which the
 * service's pools make rare (they keep their connections open).
 */
export function cpuPerConversation(before: CpuSample, after: CpuSample, conversations: number, ticksPerSecond: number): CpuPerConversation | null {
  if (conversations <= 0) return null;
  const ms = (ticks: number) => Math.round(((ticks * 1000) / ticksPerSecond / conversations) * 100) / 100;
  const backends = Object.entries(after.backends).reduce((sum, [pid, ticks]) => sum + ticks - (before.backends[Number(pid)] ?? 0), 0);
  const used = {
    service: after.service - before.service,
    postgres: backends,
    postgresCluster: after.postgresCluster - before.postgresCluster,
    redis: after.redis - before.redis,
  };
  return {
    service: ms(used.service),
    postgres: ms(used.postgres),
    postgresCluster: ms(used.postgresCluster),
    redis: ms(used.redis),
    total: ms(used.service + used.postgres + used.redis),
  };
}

function readStat(pid: number | string): ProcStat | null {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null; // gone between listing /proc and reading it
  }
}

function readTitle(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

function allStats(): ProcStat[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => readStat(pid) ?? []);
}

function ticksPerSecond(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100; // Linux's USER_HZ on every common architecture
  }
}

/** Samples the CPU time of the service processes, the bench database's backends, the whole Postgres cluster and Redis. */
export class ProcessCpu {
  private constructor(
    private readonly postmasterPid: number,
    private readonly database: string,
    private readonly redisPid: number,
    readonly ticksPerSecond: number,
  ) {}

  /**
   * Finds the servers behind the bench's connections: the postmaster is the parent of this
   * connection's backend, Redis names its own process id. Null when they run on another machine
   * (their pids are not in this /proc).
   */
  static async locate(databaseUrl: string, redisUrl: string): Promise<ProcessCpu | null> {
    const pg = new Client({ connectionString: databaseUrl });
    const redis = new Redis(redisUrl);
    try {
      await pg.connect();
      const { rows } = await pg.query<{ pid: number; database: string }>('SELECT pg_backend_pid() AS pid, current_database() AS database');
      const backend = readStat(rows[0].pid);
      const redisPid = Number((await redis.info('server')).match(/process_id:(\d+)/)?.[1]);
      const redisStat = readStat(redisPid);
      if (!backend || backend.comm !== 'postgres' || !redisStat || !redisStat.comm.startsWith('redis')) return null;
      return new ProcessCpu(backend.ppid, rows[0].database, redisPid, ticksPerSecond());
    } finally {
      await pg.end();
      redis.disconnect();
    }
  }

  sample(servicePids: number[]): CpuSample {
    const stats = allStats();
    const ticksOf = (pid: number) => {
      const stat = stats.find((candidate) => candidate.pid === pid);
      return stat ? ownTicks(stat) : 0;
    };
    const backends = stats.filter((stat) => stat.ppid === this.postmasterPid && servesDatabase(readTitle(stat.pid), this.database));
    return {
      service: servicePids.reduce((sum, pid) => sum + ticksOf(pid), 0),
      backends: Object.fromEntries(backends.map((stat) => [stat.pid, ownTicks(stat)])),
      postgresCluster: clusterTicks(this.postmasterPid, stats),
      redis: ticksOf(this.redisPid),
    };
  }
}
