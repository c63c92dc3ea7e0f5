/**
 * Simulated time: events fire in time order, and events due at the same instant fire in the order
 * they were scheduled, so a replay never depends on how a heap breaks ties.
 */
export class SimulationClock<E> {
  private times: number[] = [];
  private seqs: number[] = [];
  private events: E[] = [];
  private seq = 0;
  private current: number;

  constructor(start: number) {
    this.current = start;
  }

  /** Milliseconds since the epoch, as simulated. */
  get now(): number {
    return this.current;
  }

  get pending(): number {
    return this.events.length;
  }

  /** Schedules `event` at `at`; a time in the past fires at the current time. */
  schedule(at: number, event: E): void {
    const time = Math.max(at, this.current);
    this.times.push(time);
    this.seqs.push(this.seq++);
    this.events.push(event);
    this.up(this.events.length - 1);
  }

  /** Moves the clock to the next event and returns it; null when nothing is left. */
  next(): E | null {
    const n = this.events.length;
    if (n === 0) return null;
    const event = this.events[0];
    this.current = this.times[0];
    const lastTime = this.times.pop()!;
    const lastSeq = this.seqs.pop()!;
    const lastEvent = this.events.pop()!;
    if (n > 1) {
      this.times[0] = lastTime;
      this.seqs[0] = lastSeq;
      this.events[0] = lastEvent;
      this.down(0);
    }
    return event;
  }

  private before(i: number, j: number): boolean {
    return this.times[i] < this.times[j] || (this.times[i] === this.times[j] && this.seqs[i] < this.seqs[j]);
  }

  private swap(i: number, j: number): void {
    [this.times[i], this.times[j]] = [this.times[j], this.times[i]];
    [this.seqs[i], this.seqs[j]] = [this.seqs[j], this.seqs[i]];
    [this.events[i], this.events[j]] = [this.events[j], this.events[i]];
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.events.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < n && this.before(l, best)) best = l;
      if (r < n && this.before(r, best)) best = r;
      if (best === i) return;
      this.swap(i, best);
      i = best;
    }
  }
}
