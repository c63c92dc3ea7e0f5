import Bull from 'bull';
import { BullBaseline } from '../result';
import { perSecond } from '../stats';

/** Jobs are added in batches, one addBulk per batch, so the baseline measures Bull and Redis rather than the producer. */
const BATCH = 500;

/**
 * Bull's raw rate on the same Redis: no-op jobs through one queue, producer and workers in this
 * process, with the routing queue's removeOnComplete so Redis work per job matches.
 */
export async function runBullBaseline(
  settings: { redisUrl: string; prefix: string; jobs: number; concurrency: number },
  progress: (line: string) => void,
): Promise<BullBaseline> {
  const queue = new Bull('bench-noop', settings.redisUrl, { prefix: settings.prefix });
  try {
    await queue.isReady();
    let processed = 0;
    let resolveDone!: () => void;
    const done = new Promise<void>((resolve) => (resolveDone = resolve));
    void queue.process(settings.concurrency, async () => {
      processed++;
      if (processed === settings.jobs) resolveDone();
    });

    const started = process.hrtime.bigint();
    for (let added = 0; added < settings.jobs; added += BATCH) {
      const size = Math.min(BATCH, settings.jobs - added);
      await queue.addBulk(Array.from({ length: size }, (_, i) => ({ data: { n: added + i }, opts: { removeOnComplete: true } })));
    }
    await done;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const result = { jobs: settings.jobs, concurrency: settings.concurrency, seconds: Math.round(seconds * 100) / 100, jobsPerSecond: perSecond(settings.jobs, seconds, 0) };
    progress(`Bull: ${result.jobs} no-op jobs in ${result.seconds} s = ${result.jobsPerSecond} jobs/s`);
    return result;
  } finally {
    await queue.close();
  }
}
