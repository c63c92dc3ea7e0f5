import { SimulationClock } from './simulation-clock';

describe('SimulationClock', () => {
  it('fires events in time order and moves the clock to each', () => {
    const clock = new SimulationClock<string>(1000);
    clock.schedule(5000, 'c');
    clock.schedule(2000, 'a');
    clock.schedule(3000, 'b');
    const seen: [string, number][] = [];
    for (let e = clock.next(); e !== null; e = clock.next()) seen.push([e, clock.now]);
    expect(seen).toEqual([
      ['a', 2000],
      ['b', 3000],
      ['c', 5000],
    ]);
  });

  it('fires events due at the same instant in the order they were scheduled', () => {
    const clock = new SimulationClock<number>(0);
    for (let i = 0; i < 100; i++) clock.schedule(i % 3 === 0 ? 10 : 20, i);
    const order: number[] = [];
    for (let e = clock.next(); e !== null; e = clock.next()) order.push(e);
    const expected = [...Array(100).keys()].filter((i) => i % 3 === 0).concat([...Array(100).keys()].filter((i) => i % 3 !== 0));
    expect(order).toEqual(expected);
  });

  it('never goes back in time: an event scheduled in the past fires now', () => {
    const clock = new SimulationClock<string>(0);
    clock.schedule(100, 'first');
    clock.next();
    clock.schedule(50, 'late');
    expect(clock.next()).toBe('late');
    expect(clock.now).toBe(100);
  });

  it('returns null when nothing is left, keeping the time', () => {
    const clock = new SimulationClock<string>(42);
    expect(clock.next()).toBeNull();
    expect(clock.now).toBe(42);
    expect(clock.pending).toBe(0);
  });
});
