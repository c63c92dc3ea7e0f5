/** The service's 400 messages ("slots must not be greater than 500"), each beside the form field its path names. */

/** Errors that belong to no field of the form. */
export const GENERAL = 'general';
export type FieldErrors<F extends string> = Partial<Record<F | typeof GENERAL, string[]>>;

/**
 * Each message goes to the field whose path (as the service names it, "languages" or "route.priority")
 * starts the message; the rest to GENERAL.
 */
export function errorsByPath<F extends string>(messages: readonly string[], paths: Readonly<Record<F, string>>): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  const fields = Object.keys(paths) as F[];
  for (const message of messages) {
    const path = message.split(' ')[0];
    const field = fields.find((candidate) => path === paths[candidate] || path.startsWith(`${paths[candidate]}.`)) ?? GENERAL;
    (errors[field] ??= []).push(message);
  }
  return errors;
}

export function hasErrors(errors: object): boolean {
  return Object.keys(errors).length > 0;
}
