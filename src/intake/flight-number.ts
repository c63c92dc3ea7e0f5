/**
 * Flight numbers as passengers write them: `kl 1234`, `KL1234`, `KL 1234` → `KL1234`. A two-character
 * airline designator (letters or digits, at least one letter), 1–4 digits and an optional letter.
 */

const GIVEN = /^\s*([A-Z0-9]{2})[\s-]?(\d{1,4})([A-Z]?)\s*$/i;

/** The normalised form of a flight number given on its own, or null when it is not one. */
export function normaliseFlightNumber(raw: string): string | null {
  const match = GIVEN.exec(raw);
  if (!match || !/[A-Z]/i.test(match[1])) return null;
  return `${match[1]}${match[2]}${match[3]}`.toUpperCase();
}

/**
 * In running text a designator is either written against its number in any case (`kl1234`) or in
 * capitals before a space (`KL 1234`); "my 2 bags" or "at 1234" are not flight numbers.
 */
const IN_TEXT = /(?<![\p{L}\p{N}])(?:([A-Za-z][A-Za-z0-9]|[0-9][A-Za-z])(\d{1,4})([A-Za-z]?)|([A-Z][A-Z0-9]|[0-9][A-Z]) (\d{1,4})([A-Z]?))(?![\p{L}\p{N}])/gu;

/** The flight number the text names, when it names exactly one (the same one repeated counts once). */
export function extractFlightNumber(text: string): string | null {
  const found = new Set<string>();
  for (const match of text.matchAll(IN_TEXT)) {
    const designator = match[1] ?? match[4];
    found.add(`${designator}${match[2] ?? match[5]}${match[3] ?? match[6]}`.toUpperCase());
  }
  return found.size === 1 ? [...found][0] : null;
}
