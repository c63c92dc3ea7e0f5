/**
 * M/M/c queueing (Erlang C), the staffing model's formula. An agent handling up to k conversations
 * at once counts as k servers; see docs/planning-model.md for what that assumes.
 */

/**
 * The probability that an arrival has to wait (Erlang C) with `servers` servers and `offeredLoad`
 * erlangs (arrival rate × mean service time). Computed through the Erlang B recursion, which stays
 * stable for thousands of servers. 1 when the load reaches the servers (the queue never settles).
 */
export function erlangC(servers: number, offeredLoad: number): number {
  if (offeredLoad <= 0) return 0;
  if (servers <= offeredLoad) return 1;
  let b = 1;
  for (let n = 1; n <= servers; n++) b = (offeredLoad * b) / (n + offeredLoad * b);
  return (servers * b) / (servers - offeredLoad * (1 - b));
}

/** Mean wait in the queue, in the unit of `meanServiceTime`; Infinity when the queue never settles. */
export function meanWait(servers: number, arrivalRate: number, meanServiceTime: number): number {
  const load = arrivalRate * meanServiceTime;
  if (load <= 0) return 0;
  if (servers <= load) return Infinity;
  return erlangC(servers, load) / (servers / meanServiceTime - arrivalRate);
}

export interface QueueCase {
  servers: number;
  /** arrivals per second */
  arrivalRate: number;
  meanServiceSeconds: number;
  slaSeconds: number;
}

/**
 * The share of arrivals whose wait is at most the SLA. Stable queue: P(W ≤ t) = 1 − C·e^(−(cμ−λ)t).
 * Overloaded (λ ≥ cμ): 0. A forecast carries its rate forward, so the queue grows bucket after
 * bucket without bound and in the long run nobody is answered within any SLA.
 */
export function attainmentWithin(q: QueueCase): number {
  if (q.arrivalRate <= 0) return 1;
  if (q.servers <= 0) return 0;
  const mu = 1 / q.meanServiceSeconds;
  const capacity = q.servers * mu;
  if (capacity <= q.arrivalRate) return 0;
  const wait = erlangC(q.servers, q.arrivalRate * q.meanServiceSeconds);
  return Math.max(0, Math.min(1, 1 - wait * Math.exp(-(capacity - q.arrivalRate) * q.slaSeconds)));
}
