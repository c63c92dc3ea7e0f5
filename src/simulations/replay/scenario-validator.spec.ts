import { ScenarioError, validateScenario } from './scenario-validator';
import { smallScenario } from './scenario.fixture';

const withPath = (path: string, value: unknown) => {
  const scenario = JSON.parse(JSON.stringify(smallScenario()));
  const keys = path.split('.');
  let at = scenario;
  for (const key of keys.slice(0, -1)) at = at[key];
  if (value === undefined) delete at[keys[keys.length - 1]];
  else at[keys[keys.length - 1]] = value;
  return scenario;
};

describe('validateScenario', () => {
  it('accepts the fixture and the shipped scenario', () => {
    expect(validateScenario(smallScenario()).name).toBe('small');
    expect(() => validateScenario(require('../../../scenarios/ash-cloud-2010.json'))).not.toThrow();
  });

  it('accepts recorded traffic without start and hours', () => {
    const recorded = { ...smallScenario(), arrivals: { fromIncident: '8b0c1a9e-3f3c-4c55-9d6e-4d1f2a3b4c5d' } } as Record<string, unknown>;
    delete recorded.start;
    delete recorded.hours;
    expect(() => validateScenario(recorded)).not.toThrow();
  });

  it.each<[string, unknown, string]>([
    ['name', '', 'scenario.name must be a non-empty string of at most 200 characters'],
    ['hours', 0, 'scenario.hours must be an integer between 1 and 336'],
    ['hours', undefined, 'scenario.hours must be an integer between 1 and 336'],
    ['start', 'yesterday', 'scenario.start must be an ISO-8601 date-time'],
    ['slaMinutes', 2.5, 'scenario.slaMinutes must be an integer between 1 and 10080'],
    ['arrivals.total', -1, 'scenario.arrivals.total must be an integer between 1 and 500000'],
    ['arrivals.curve', [], 'scenario.arrivals.curve must be an array of 1 to 10000 numbers'],
    ['arrivals.curve', [0, 0], 'scenario.arrivals.curve must have a weight above 0'],
    ['arrivals.curve', [1, 'x'], 'scenario.arrivals.curve.1 must be a number between 0 and 1000000'],
    ['arrivals.languages', { NL: 1 }, 'scenario.arrivals.languages.NL must be keyed by an ISO 639-1 code or und'],
    ['arrivals.channels', { fax: 1 }, 'scenario.arrivals.channels.fax must be keyed by one of twitter, facebook, whatsapp, email, sms, web'],
    ['arrivals.flights.share', 2, 'scenario.arrivals.flights.share must be a number between 0 and 1'],
    ['arrivals', { fromIncident: 'nope' }, 'scenario.arrivals.fromIncident must be an incident id (UUID)'],
    ['handleMinutes.mean', 0, 'scenario.handleMinutes.mean must be a number between 0.1 and 1440'],
    ['roster', undefined, 'scenario.roster must be an object'],
    ['roster.staff', [{ languages: ['nl'], count: 2, hours: '9-9' }], 'scenario.roster.staff.0.hours must be hours of the day like "0-24", "8-20" or "22-6"'],
    ['roster.staff', [{ languages: ['xx1'], count: 2, hours: '0-24' }], 'scenario.roster.staff.0.languages.0 must be an ISO 639-1 code'],
    ['roster.volunteers.shiftHours', 13, 'scenario.roster.volunteers.shiftHours must be an integer between 1 and 12'],
  ])('%s = %j → %s', (path, value, message) => {
    let error: unknown;
    try {
      validateScenario(withPath(path, value));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).message).toBe(message);
  });

  it('names the root it is given', () => {
    expect(() => validateScenario({}, 'ash.json')).toThrow('ash.json.name must be a non-empty string');
  });
});
