import { Channel } from '../../routing/engine/engine.types';
import { SeededRandom, WeightedPicker } from './random';
import { GeneratedArrivals, HOUR_MS, Scenario } from './scenario';

/** One passenger conversation as the replay sees its first message. */
export interface Arrival {
  /** milliseconds since the epoch */
  at: number;
  language: string;
  channel: Channel;
  flightNumber: string | null;
  text: string;
}

const BASE_TEXT = 'My flight was cancelled because of the ash cloud, how can I get home?';

/** The weight of hour `h` of the scenario: the curve repeats when shorter than the scenario. */
export function curveWeight(curve: number[], hour: number): number {
  return curve[hour % curve.length];
}

/**
 * Exactly `total` arrivals: each picks its hour by the curve's weight, a uniform moment inside it,
 * a language, a channel, maybe a flight number and the keywords its text carries. Sorted by time.
 */
export function generateArrivals(scenario: Scenario, arrivals: GeneratedArrivals, seed: number): Arrival[] {
  const random = new SeededRandom(seed);
  const start = Date.parse(scenario.start);
  const hours = Array.from({ length: scenario.hours }, (_, h) => h);
  const hourPicker = new WeightedPicker(hours, hours.map((h) => curveWeight(arrivals.curve, h)));
  const languages = WeightedPicker.of(arrivals.languages);
  const channels = WeightedPicker.of(arrivals.channels) as WeightedPicker<Channel>;
  const keywords = Object.entries(arrivals.keywords ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  const out: Arrival[] = [];
  for (let i = 0; i < arrivals.total; i++) {
    const hour = hourPicker.pick(random);
    const at = start + Math.floor((hour + random.next()) * HOUR_MS);
    const language = languages.pick(random);
    const channel = channels.pick(random);
    let flightNumber: string | null = null;
    if (arrivals.flights && random.next() < arrivals.flights.share) flightNumber = `KL${1000 + random.below(arrivals.flights.count)}`;
    let text = BASE_TEXT;
    for (const [word, share] of keywords) if (random.next() < share) text += ` ${word}`;
    out.push({ at, language, channel, flightNumber, text });
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * The expected arrivals per language between two instants: the scenario's total spread by the
 * curve (linear inside an hour) and the language mix. This is the plan's forecast for a scenario.
 */
export function expectedArrivals(scenario: Scenario, arrivals: GeneratedArrivals, from: number, to: number): Map<string, number> {
  const start = Date.parse(scenario.start);
  const cumulative = (t: number): number => {
    const hoursIn = Math.min(Math.max((t - start) / HOUR_MS, 0), scenario.hours);
    const whole = Math.floor(hoursIn);
    let sum = 0;
    for (let h = 0; h < whole; h++) sum += curveWeight(arrivals.curve, h);
    if (whole < scenario.hours) sum += (hoursIn - whole) * curveWeight(arrivals.curve, whole);
    return sum;
  };
  const all = cumulative(start + scenario.hours * HOUR_MS);
  const share = all > 0 ? (cumulative(to) - cumulative(from)) / all : 0;
  const mixTotal = Object.values(arrivals.languages).reduce((a, b) => a + b, 0);
  const out = new Map<string, number>();
  for (const [language, weight] of Object.entries(arrivals.languages)) {
    if (weight > 0) out.set(language, (arrivals.total * share * weight) / mixTotal);
  }
  return out;
}
