import { existsSync } from 'fs';
import { readFile, writeFile } from 'fs/promises';
import { renderMarkdown, resultTables } from './report';
import { BenchResult, ScalingCell } from './result';

/**
 * docs/benchmarks.md keeps its hand-written parts (method, what limits the service); only the part
 * between the markers is replaced by each run's figures.
 */
export const START_MARKER = '<!-- bench:results:start (written by npm run bench; edits here are overwritten) -->';
export const END_MARKER = '<!-- bench:results:end -->';

const NEW_DOCUMENT = (section: string) => `# Benchmarks

Run with \`npm run bench\` (about 10 minutes) or \`npm run bench -- --quick\` (a few minutes).

${section}
`;

function largestCell(cells: ScalingCell[]): ScalingCell | undefined {
  return [...cells].sort((a, b) => b.agents - a.agents || b.queued - a.queued)[0];
}

export function renderResultsSection(result: BenchResult, resultFile: string): string {
  const m = result.machine;
  const largest = largestCell(result.scaling.cells);
  const plans = largest
    ? [
        `#### Query plans at ${largest.agents.toLocaleString('en-US')} agents / ${largest.queued.toLocaleString('en-US')} queued`,
        '',
        'Candidate pool read (CandidatePoolsRepository.readPools):',
        '',
        '```',
        ...largest.candidateQuery.plan,
        '```',
        '',
        'Waiting work for 20 agents served together (WaitingWorkRepository.conversationsFor):',
        '',
        '```',
        ...largest.conversationsFor.plan,
        '```',
      ]
    : [];
  return [
    START_MARKER,
    `## Latest figures`,
    '',
    `Run ${result.startedAt.slice(0, 16).replace('T', ' ')} UTC of commit \`${result.revision}\`, profile \`${result.profile}\`, ${result.durationSeconds} s; ` +
      `${m.cpus} cores (${m.cpuModel}), ${m.memoryGb} GB, load average ${m.loadAverageAtStart} at start ` +
      `(${m.loadAverageDuringRun.mean} mean, ${m.loadAverageDuringRun.max} max during the run); ` +
      `PostgreSQL ${m.postgres}, Redis ${m.redis}, Node ${m.node}. Raw result: \`${resultFile}\` (not committed).`,
    '',
    `Setup: ${result.setup.agents}; ${result.setup.tokens}.`,
    '',
    ...resultTables(result).flatMap((table) => [renderMarkdown(table), '']),
    ...plans,
    END_MARKER,
  ].join('\n');
}

/** Replaces the marked section, or appends it when the document has none yet. */
export function spliceResults(document: string | null, section: string): string {
  if (document === null) return NEW_DOCUMENT(section);
  const start = document.indexOf(START_MARKER);
  const end = document.indexOf(END_MARKER);
  if (start < 0 || end < start) return `${document.trimEnd()}\n\n${section}\n`;
  return document.slice(0, start) + section + document.slice(end + END_MARKER.length);
}

export async function updateBenchmarksDoc(path: string, result: BenchResult, resultFile: string): Promise<void> {
  const current = existsSync(path) ? await readFile(path, 'utf8') : null;
  await writeFile(path, spliceResults(current, renderResultsSection(result, resultFile)));
}
