import { attainmentWithin, erlangC, meanWait } from './erlang';

/** Erlang C straight from its textbook definition, with factorials, for small cases. */
function erlangCByDefinition(c: number, a: number): number {
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k++) {
    if (k > 0) term *= a / k;
    sum += term;
  }
  const top = ((term * a) / c) * (c / (c - a));
  return top / (sum + top);
}

describe('erlangC', () => {
  it.each([
    // M/M/1: the probability of waiting is the utilisation
    [1, 0.5, 0.5],
    [1, 0.9, 0.9],
    // M/M/2: C = 2ρ²/(1+ρ) with ρ = a/2
    [2, 1, (2 * 0.5 ** 2) / 1.5],
    [2, 1.6, (2 * 0.8 ** 2) / 1.8],
    // the textbook call-centre case: 10 erlangs on 11 agents waits 68.21% of the time
    [11, 10, 0.6821],
  ])('%p servers, %p erlangs → %p within 1%', (servers, load, expected) => {
    expect(Math.abs(erlangC(servers, load) - expected) / expected).toBeLessThan(0.01);
  });

  it.each([
    [5, 3.5],
    [20, 17],
    [60, 55.5],
  ])('agrees with the definition: %p servers, %p erlangs', (servers, load) => {
    expect(erlangC(servers, load)).toBeCloseTo(erlangCByDefinition(servers, load), 10);
  });

  it('is 1 when the load reaches the servers and 0 without load', () => {
    expect(erlangC(3, 3)).toBe(1);
    expect(erlangC(3, 0)).toBe(0);
  });

  it('stays finite for thousands of servers', () => {
    const c = erlangC(3000, 2950);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
  });
});

describe('meanWait', () => {
  it('M/M/1: Wq = ρ / (μ − λ)', () => {
    // λ = 0.8/min, μ = 1/min → Wq = 0.8 / 0.2 = 4 minutes
    expect(meanWait(1, 0.8, 1)).toBeCloseTo(4, 6);
  });

  it('the textbook case: 10 erlangs on 11 agents with 3-minute calls wait 2.05 minutes on average', () => {
    expect(Math.abs(meanWait(11, 10 / 3, 3) - 2.046) / 2.046).toBeLessThan(0.01);
  });
});

describe('attainmentWithin', () => {
  const base = { servers: 11, arrivalRate: 10 / 180, meanServiceSeconds: 180, slaSeconds: 20 };

  it('stable queue: 1 − C·e^(−(cμ−λ)t)', () => {
    // the textbook service level: 10 erlangs, 11 agents, 20 s target, 180 s calls → 1 − 0.6821·e^(−1/9)
    const expected = 1 - 0.6821 * Math.exp(-(11 / 180 - 10 / 180) * 20);
    expect(Math.abs(attainmentWithin(base) - expected) / expected).toBeLessThan(0.01);
  });

  it('more servers never lower it', () => {
    const values = [11, 12, 13, 15, 20].map((servers) => attainmentWithin({ ...base, servers }));
    expect([...values].sort((a, b) => a - b)).toEqual(values);
  });

  it.each([
    ['nothing arrives', { arrivalRate: 0 }, 1],
    ['no servers', { servers: 0 }, 0],
    ['overloaded: the queue never settles', { servers: 1, arrivalRate: 2 / 180, slaSeconds: 600 }, 0],
    ['load exactly at the servers', { servers: 2, arrivalRate: 2 / 180 }, 0],
  ])('%s', (_label, over, expected) => {
    expect(attainmentWithin({ ...base, ...over })).toBeCloseTo(expected, 6);
  });
});
