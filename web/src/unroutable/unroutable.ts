/** Work nobody on the roster can take: the order it is shown in and the languages it is missing. */

export interface UnroutableConversation {
  id: string;
  language: string;
  receivedAt: string;
  unroutable: { since: string; reason: string } | null;
}

/** Stuck longest first (since when nobody can take it), then the oldest message; unflagged ones left out. */
export function stuckLongestFirst<C extends UnroutableConversation>(conversations: readonly C[]): C[] {
  const time = (at: string) => new Date(at).getTime();
  return conversations
    .filter((c) => c.unroutable !== null)
    .sort((a, b) => time(a.unroutable!.since) - time(b.unroutable!.since) || time(a.receivedAt) - time(b.receivedAt));
}

/** The languages of the live figures with unroutable work, most first. */
export function languagesWithUnroutable<R extends { language: string; unroutable: number }>(rows: readonly R[]): R[] {
  return rows.filter((row) => row.unroutable > 0).sort((a, b) => b.unroutable - a.unroutable || a.language.localeCompare(b.language));
}
