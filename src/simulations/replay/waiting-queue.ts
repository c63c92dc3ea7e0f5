/** A conversation waiting for an agent, filed under each language its requirements accept. */
export interface WaitingEntry {
  conversation: number;
  priority: number;
  receivedAt: number;
  active: boolean;
}

interface List {
  items: WaitingEntry[];
  head: number;
}

const ANY_LANGUAGE = '*';

/**
 * The replay's queue, in routing.md's order of service: highest priority first, then oldest. Entries
 * are filed per priority and language ('*' for a conversation any language may take), so serving an
 * agent looks only at work in the languages it speaks. Removal marks an entry; lists drop marked
 * entries as they reach them.
 */
export class WaitingQueue {
  private readonly byPriority = new Map<number, Map<string, List>>();
  private priorities: number[] = [];
  size = 0;

  add(conversation: number, priority: number, receivedAt: number, languages: string[] | null): WaitingEntry {
    const entry: WaitingEntry = { conversation, priority, receivedAt, active: true };
    let lists = this.byPriority.get(priority);
    if (!lists) {
      lists = new Map();
      this.byPriority.set(priority, lists);
      this.priorities = [...this.byPriority.keys()].sort((a, b) => b - a);
    }
    for (const language of languages === null ? [ANY_LANGUAGE] : new Set(languages.map((l) => l.toLowerCase()))) {
      let list = lists.get(language);
      if (!list) lists.set(language, (list = { items: [], head: 0 }));
      insertSorted(list, entry);
    }
    this.size++;
    return entry;
  }

  remove(entry: WaitingEntry): void {
    if (!entry.active) return;
    entry.active = false;
    this.size--;
  }

  /** Waiting entries an agent speaking `languages` might take, in the order of service. */
  *inOrderFor(languages: string[]): Generator<WaitingEntry> {
    const keys = [...languages, ANY_LANGUAGE];
    for (const priority of this.priorities) {
      const lists = this.byPriority.get(priority)!;
      const chosen = keys.map((k) => lists.get(k)).filter((l): l is List => l !== undefined && l.head < l.items.length);
      const seen = new Set<WaitingEntry>();
      const at = chosen.map((l) => dropStaleHead(l));
      for (;;) {
        let best = -1;
        for (let i = 0; i < chosen.length; i++) {
          while (at[i] < chosen[i].items.length && !chosen[i].items[at[i]].active) at[i]++;
          if (at[i] >= chosen[i].items.length) continue;
          if (best === -1 || earlier(chosen[i].items[at[i]], chosen[best].items[at[best]])) best = i;
        }
        if (best === -1) break;
        const entry = chosen[best].items[at[best]++];
        if (seen.has(entry)) continue;
        seen.add(entry);
        yield entry;
      }
    }
  }
}

function earlier(a: WaitingEntry, b: WaitingEntry): boolean {
  return a.receivedAt < b.receivedAt || (a.receivedAt === b.receivedAt && a.conversation < b.conversation);
}

function dropStaleHead(list: List): number {
  while (list.head < list.items.length && !list.items[list.head].active) list.head++;
  if (list.head > 1024 && list.head * 2 > list.items.length) {
    list.items = list.items.slice(list.head);
    list.head = 0;
  }
  return list.head;
}

function insertSorted(list: List, entry: WaitingEntry): void {
  const items = list.items;
  if (items.length === list.head || !earlier(entry, items[items.length - 1])) {
    items.push(entry);
    return;
  }
  let lo = list.head;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (earlier(entry, items[mid])) hi = mid;
    else lo = mid + 1;
  }
  items.splice(lo, 0, entry);
}
