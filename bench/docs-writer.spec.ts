import { END_MARKER, renderResultsSection, spliceResults, START_MARKER } from './docs-writer';
import { benchResult } from './result.fixture';

describe('docs/benchmarks.md writer', () => {
  const section = `${START_MARKER}\nnew figures\n${END_MARKER}`;

  it('replaces only the marked section, keeping the hand-written parts around it', () => {
    const document = `# Benchmarks\n\nMethod.\n\n${START_MARKER}\nold figures\n${END_MARKER}\n\n## What limits it\n\nAnalysis.\n`;
    expect(spliceResults(document, section)).toBe(`# Benchmarks\n\nMethod.\n\n${section}\n\n## What limits it\n\nAnalysis.\n`);
  });

  it('appends the section to a document without markers', () => {
    expect(spliceResults('# Benchmarks\n\nMethod.\n', section)).toBe(`# Benchmarks\n\nMethod.\n\n${section}\n`);
  });

  it('starts a new document when there is none', () => {
    const created = spliceResults(null, section);
    expect(created.startsWith('# Benchmarks\n')).toBe(true);
    expect(created).toContain(section);
  });

  it('writes the date, the machine, every table and the plans of the largest grid corner', () => {
    const rendered = renderResultsSection(benchResult(), 'bench/results/x.json');
    expect(rendered.startsWith(START_MARKER)).toBe(true);
    expect(rendered.endsWith(END_MARKER)).toBe(true);
    expect(rendered).toContain('Run 2026-11-22 10:00 UTC of commit `abc1234`, profile `full`');
    expect(rendered).toContain('2 cores (Test CPU)');
    expect(rendered).toContain('PostgreSQL 15.20, Redis 7.0.15');
    for (const title of ['Baselines', 'End to end, 1 process', 'End to end, summary', 'CPU per conversation (ms, from /proc)', 'Cost of one routing decision', 'Targets']) {
      expect(rendered).toContain(`### ${title}`);
    }
    expect(rendered).toContain('#### Query plans at 10,000 agents / 100,000 queued');
  });
});
