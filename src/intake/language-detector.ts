import { isISO6391 } from 'class-validator';
import { detectAll } from 'tinyld';

/** BCP 47 "undetermined": routed to any agent (routing.md). */
export const UNDETERMINED_LANGUAGE = 'und';

/** Below this many letters a guess is closer to noise than to a language ("ok", "???", emoji). */
export const MIN_LETTERS = 12;

/**
 * tinyld reports 1 for clear text and spreads its score over close relatives (da/no/sv) when
 * unsure; a plain English complaint scores about 0.3, an ambiguous Scandinavian one below 0.2.
 */
export const MIN_ACCURACY = 0.25;

const LETTER = /\p{L}/gu;

/** The ISO 639-1 code of the passenger's text, or 'und' when the text does not say clearly. */
export function detectLanguage(text: string): string {
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters < MIN_LETTERS) return UNDETERMINED_LANGUAGE;
  const [best] = detectAll(text);
  if (!best || best.accuracy < MIN_ACCURACY || !isISO6391(best.lang)) return UNDETERMINED_LANGUAGE;
  return best.lang;
}
