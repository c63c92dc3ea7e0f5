import { DataSource, EntityManager } from 'typeorm';
import { ExplainCapture } from '../result';

/**
 * Runs a repository method's real SQL under EXPLAIN (ANALYZE, BUFFERS): the repository is handed a
 * stand-in whose query() prefixes EXPLAIN, so the plan is of the exact text and parameters the
 * service sends, never of a copy that could drift from it.
 */
export class ExplainingQueryRunner {
  private lines: string[] | null = null;

  /** What preparedQuery runs hot statements on: a connection whose query() takes a named statement. */
  readonly queryRunner = {
    connect: async () => ({
      query: async ({ text, values }: { text: string; values: unknown[] }) => ({ rows: await this.query(text, values) }),
    }),
  };

  constructor(private readonly dataSource: DataSource) {}

  /** Answers with no rows: the repository method returns "nothing found" while the plan is kept. */
  async query(sql: string, parameters?: unknown[]): Promise<unknown[]> {
    const rows: Record<string, string>[] = await this.dataSource.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, parameters);
    this.lines = rows.map((row) => row['QUERY PLAN']);
    return [];
  }

  asManager(): EntityManager {
    return this as unknown as EntityManager;
  }

  asDataSource(): DataSource {
    return this as unknown as DataSource;
  }

  capture(): ExplainCapture {
    if (!this.lines) throw new Error('no statement was explained');
    return parseExplain(this.lines);
  }
}

const numberIn = (lines: string[], pattern: RegExp): number | null => {
  for (const line of lines) {
    const match = line.match(pattern);
    if (match) return Number(match[1]);
  }
  return null;
};

/** Reads the text form of EXPLAIN (ANALYZE, BUFFERS); the first Buffers line is the top node's, children included. */
export function parseExplain(lines: string[]): ExplainCapture {
  const execution = numberIn(lines, /Execution Time: ([\d.]+) ms/);
  if (execution === null) throw new Error(`not an EXPLAIN ANALYZE output:\n${lines.join('\n')}`);
  const topBuffers = lines.find((line) => /^\s*Buffers: shared/.test(line)) ?? '';
  return {
    executionMs: execution,
    planningMs: numberIn(lines, /Planning Time: ([\d.]+) ms/) ?? 0,
    sharedHitBlocks: Number(topBuffers.match(/hit=(\d+)/)?.[1] ?? 0),
    sharedReadBlocks: Number(topBuffers.match(/read=(\d+)/)?.[1] ?? 0),
    plan: lines,
  };
}
