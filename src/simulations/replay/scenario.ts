/** A scenario as planning.md describes it; validated by `validateScenario`. */
export interface Scenario {
  name: string;
  seed?: number;
  start: string;
  hours: number;
  slaMinutes: number;
  /** a passenger still waiting this long after the first message gives up */
  patienceMinutes: number;
  arrivals: GeneratedArrivals | RecordedArrivals;
  handleMinutes: { mean: number; sd: number };
  roster: ScenarioRoster;
}

export interface GeneratedArrivals {
  /** the exact number of conversations generated */
  total: number;
  /** relative weight per hour from `start`, repeated when shorter than `hours` */
  curve: number[];
  languages: Record<string, number>;
  channels: Record<string, number>;
  flights?: { count: number; share: number };
  /** keyword → share of conversations whose text contains it */
  keywords?: Record<string, number>;
}

/** Real traffic: an incident's stored conversations. */
export interface RecordedArrivals {
  fromIncident: string;
}

export interface StaffGroup {
  languages: string[];
  count: number;
  /** hours of the (UTC) day on duty, "0-24", "8-20", "22-6" */
  hours: string;
  maxConcurrent?: number;
  skills?: { name: string; level: number }[];
}

export interface VolunteerIntake {
  /** volunteers enrolling in each hour from `start` (fractions accumulate) */
  enrollPerHour: number[];
  languages: Record<string, number>;
  /** each volunteer works one shift of this length a day, from the first full hour after enrolling */
  shiftHours: number;
  maxConcurrent?: number;
}

export interface ScenarioRoster {
  staff?: StaffGroup[];
  volunteers?: VolunteerIntake;
}

export function isRecorded(arrivals: Scenario['arrivals']): arrivals is RecordedArrivals {
  return typeof (arrivals as RecordedArrivals).fromIncident === 'string';
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
