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
  ])('%j runs the %s profile, docs written: %p', (argv, profile, writeDocs) => {
    const options = parseArgs(argv);
    expect(options.profile.name).toBe(profile);
    expect(options.writeDocs).toBe(writeDocs);
  });

  it('writes results to bench/results unless told otherwise', () => {
    expect(parseArgs([]).resultsDir).toBe(join(__dirname, 'results'));
    expect(parseArgs(['--smoke', '--results-dir', '/tmp/x']).resultsDir).toBe('/tmp/x');
  });
});
