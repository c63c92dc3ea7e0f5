/** One reply to every open conversation of a flight: the request body, its Idempotency-Key, the fallbacks. */

export interface FlightReplyDraft {
  text: string;
  templateId: string;
  resolve: boolean;
}

export type FlightReplyBody = ({ text: string } | { templateId: string }) & { resolve: boolean };

export type DraftProblem = 'empty' | 'both';

/** The body of POST /flights/:flightNumber/replies: exactly one of a text and an approved answer. */
export function flightReplyBody(draft: FlightReplyDraft): FlightReplyBody | DraftProblem {
  const text = draft.text.trim();
  if (text && draft.templateId) return 'both';
  if (!text && !draft.templateId) return 'empty';
  return text ? { text, resolve: draft.resolve } : { templateId: draft.templateId, resolve: draft.resolve };
}

export interface PendingSend {
  body: string;
  key: string;
}

/**
 * The Idempotency-Key of a send. A new key for each new send; the same key only when the very same
 * send is tried again after it failed, so that a send whose answer was lost is not delivered twice.
 * Once a send has succeeded its key is dropped (pass `null`): the next send is a new one.
 */
export function keyForSend(pending: PendingSend | null, flightNumber: string, body: FlightReplyBody, newKey: () => string): PendingSend {
  const serialised = JSON.stringify([flightNumber, body]);
  if (pending && pending.body === serialised) return pending;
  return { body: serialised, key: newKey() };
}

/**
 * The flight's languages that the approved answer has no variant for, with the variant their passengers
 * get instead (English, else the template's first), as the service chooses.
 */
export function fallbackVariants(templateLanguages: readonly string[], flightLanguages: readonly string[]): { language: string; gets: string }[] {
  if (templateLanguages.length === 0) return [];
  const fallback = templateLanguages.includes('en') ? 'en' : templateLanguages[0];
  return flightLanguages.filter((language) => !templateLanguages.includes(language)).map((language) => ({ language, gets: fallback }));
}
