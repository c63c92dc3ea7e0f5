/**
 * Input no field may carry, whatever its DTO says: checked once for every validated body and query
 * (validation.pipe.ts) and for every CSV cell, so no use case has to remember it. Pure.
 *
 * - Nesting deeper than MAX_INPUT_DEPTH: class-transformer and class-validator recurse once per
 *   level, and a 40 KB `[[[…]]]` overflows the stack before any decorator runs.
 * - NUL: Postgres text cannot hold it (22021) and C-string consumers cut the value short.
 * - A lone UTF-16 surrogate: not a character at all; encodeURIComponent throws on it and Postgres
 *   would store a replacement character instead of what was sent.
 */

/** The deepest our DTOs go is a rule's route.escalation[].fallbackLanguages[] (4 levels); leave room. */
export const MAX_INPUT_DEPTH = 12;

const NUL = /\u0000/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why the text cannot be stored as sent, or null when it can. */
export function unsafeTextReason(text: string): string | null {
  if (NUL.test(text)) return 'must not contain a NUL character';
  if (LONE_SURROGATE.test(text)) return 'must not contain an unpaired UTF-16 surrogate';
  return null;
}

/**
 * The first problem found, as `<path> <reason>` with the path in the validation messages' form
 * (`languages.0.code`), or null. Iterative, so the check itself cannot overflow the stack.
 */
export function findUnsafeInput(value: unknown, rootName = 'body'): string | null {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (pending.length > 0) {
    const { value: current, path, depth } = pending.pop()!;
    const name = path || rootName;
    if (typeof current === 'string') {
      const reason = unsafeTextReason(current);
      if (reason) return `${name} ${reason}`;
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    // Blame the field the client sent (or the whole body when it is a list), not a path of 0.0.0.…
    if (depth >= MAX_INPUT_DEPTH) return `${topLevelName(value, path, rootName)} is nested more than ${MAX_INPUT_DEPTH} levels deep`;
    // Pushed last to first so that the first offending field in the document is the one named.
    for (const key of Object.keys(current).reverse()) {
      const keyReason = unsafeTextReason(key);
      const childPath = path ? `${path}.${key}` : key;
      if (keyReason) return `${path ? `${path} field names` : `${rootName} field names`} ${keyReason}`;
      pending.push({ value: (current as Record<string, unknown>)[key], path: childPath, depth: depth + 1 });
    }
  }
  return null;
}

function topLevelName(root: unknown, path: string, rootName: string): string {
  return Array.isArray(root) ? rootName : path.split('.')[0];
}
