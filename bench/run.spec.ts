import { join } from 'path';
import { parseArgs } from './run';

describe('bench command line', () => {
  it.each([
    [[], 'full', true],
    [['--quick'], 'quick', false],
    [['--quick', '--docs'], 'quick', true],
    [['--no-docs'], 'full', false],
    [['--smoke'], 'smoke', false],
    [['--smoke', '--docs'], 'smoke', false],
    [['--report', 'x.json'], 'full', false],
    [['--report', 'x.json', '--docs'], 'full', true],
  ])('%j runs the %s profile, docs written: %p', (argv, profile, writeDocs) => {
    const options = parseArgs(argv);
    expect(options.profile.name).toBe(profile);
    expect(options.writeDocs).toBe(writeDocs);
  });

  it('reads a stored result instead of running when given --report', () => {
    expect(parseArgs(['--report', 'bench/results/a.json']).report).toBe('bench/results/a.json');
    expect(parseArgs([]).report).toBeUndefined();
  });

  it('writes results to bench/results unless told otherwise', () => {
    expect(parseArgs([]).resultsDir).toBe(join(__dirname, 'results'));
    expect(parseArgs(['--smoke', '--results-dir', '/tmp/x']).resultsDir).toBe('/tmp/x');
  });
});
