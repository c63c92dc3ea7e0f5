import { readFileSync } from 'fs';
import { join } from 'path';
import { RoutingRule } from '../../routing/engine/engine.types';
import { whatIfRules } from '../replay-sources';
import { checkModel } from './model-check';
import { Replay, runReplay } from './replay';
import { replayChartSvg } from './replay-chart';
import { Scenario } from './scenario';
import { smallScenario } from './scenario.fixture';
import { validateScenario } from './scenario-validator';

const ASSISTANCE_FIRST: RoutingRule[] = whatIfRules([
  { name: 'assistance first', order: 10, enabled: true, match: { keywordsAny: ['wheelchair'] }, route: { priority: 8 } },
]);

describe('replay determinism', () => {
  it('the same seed gives the same result', () => {
    const a = runReplay({ scenario: smallScenario(), rules: ASSISTANCE_FIRST, staffing: 'scenario' });
    const b = runReplay({ scenario: smallScenario(), rules: ASSISTANCE_FIRST, staffing: 'scenario' });
    expect(b).toEqual(a);
  });

  it('running in slices gives the same result as at once', () => {
    const sliced = new Replay({ scenario: smallScenario(), rules: [], staffing: 'plan' });
    while (!sliced.run(97)) expect(sliced.progress).toBeLessThan(1);
    expect(sliced.result()).toEqual(runReplay({ scenario: smallScenario(), rules: [], staffing: 'plan' }));
  });

  it('another seed gives other arrivals', () => {
    const a = runReplay({ scenario: smallScenario(), rules: [], seed: 1 });
    const b = runReplay({ scenario: smallScenario(), rules: [], seed: 2 });
    expect(b.hourly.map((h) => h.arrivals)).not.toEqual(a.hourly.map((h) => h.arrivals));
  });
});

describe('replay figures', () => {
  const result = runReplay({ scenario: smallScenario(), rules: ASSISTANCE_FIRST });

  it('generates exactly the total, each answered or abandoned', () => {
    expect(result.arrivals).toBe(2000);
    expect(result.answered + result.abandoned).toBe(2000);
    expect(result.byLanguage.reduce((sum, l) => sum + l.arrivals, 0)).toBe(2000);
    expect(result.hourly.reduce((sum, h) => sum + h.arrivals, 0)).toBe(2000);
  });

  it('keeps the language mix', () => {
    const nl = result.byLanguage.find((l) => l.language === 'nl')!;
    expect(nl.arrivals / 2000).toBeGreaterThan(0.45);
    expect(nl.arrivals / 2000).toBeLessThan(0.55);
  });

  it('a desk with nobody on it answers nobody: every conversation is abandoned at its patience', () => {
    const empty = runReplay({ scenario: smallScenario({ roster: {} }), rules: [] });
    expect(empty.answered).toBe(0);
    expect(empty.abandoned).toBe(2000);
    expect(empty.slaAttainment).toBe(0);
  });

  it('fallback to English after half the SLA serves a language nobody speaks', () => {
    const scenario = smallScenario({ roster: { staff: [{ languages: ['en', 'nl'], count: 20, hours: '0-24' }] } });
    const de = runReplay({ scenario, rules: [] }).byLanguage.find((l) => l.language === 'de')!;
    expect(de.answered).toBe(de.arrivals);
    expect(de.firstResponseMinutes.p50).toBeGreaterThanOrEqual(30);
  });

  it('draws a chart with the three series', () => {
    const svg = replayChartSvg('small', result.hourly);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Queued');
    expect(svg).toContain('Agents signed in');
    expect(svg).toContain('p90 first response');
  });
});

describe('the model check, on a scaled-down ash cloud', () => {
  it('passes at the plan\'s staffing', () => {
    const ash = validateScenario(JSON.parse(readFileSync(join(__dirname, '../../../scenarios/ash-cloud-2010.json'), 'utf8'))) as Scenario;
    const rules = whatIfRules(JSON.parse(readFileSync(join(__dirname, '../../../scenarios/ash-cloud-2010.rules.json'), 'utf8')));
    const arrivals = ash.arrivals as { total: number };
    const scaled: Scenario = { ...ash, hours: 48, arrivals: { ...ash.arrivals, total: Math.round((arrivals.total * 48) / 120 / 4) } };
    const check = checkModel(runReplay({ scenario: scaled, rules, staffing: 'plan' }), 0.985);
    expect(check.failures).toEqual([]);
    expect(check.passed).toBe(true);
    expect(check.languages.filter((l) => l.checked).length).toBeGreaterThanOrEqual(10);
  });
});
