import { describe, expect, it } from 'vitest';
import { languagesWithUnroutable, stuckLongestFirst } from './unroutable';

const conversation = (id: string, receivedAt: string, since: string | null) => ({
  id,
  language: 'fi',
  receivedAt,
  unroutable: since ? { since, reason: 'no agent speaks fi at level 1' } : null,
});

describe('work nobody can take', () => {
  it('shows what has been stuck longest first, the oldest message breaking ties, and leaves out what is routable again', () => {
    const list = [
      conversation('b', '2026-12-02T10:05:00Z', '2026-12-02T10:06:00Z'),
      conversation('gone', '2026-12-02T09:00:00Z', null),
      conversation('c', '2026-12-02T10:01:00Z', '2026-12-02T10:06:00Z'),
      conversation('a', '2026-12-02T10:09:00Z', '2026-12-02T10:02:00Z'),
    ];
    expect(stuckLongestFirst(list).map((c) => c.id)).toEqual(['a', 'c', 'b']);
  });

  it('keeps the languages with unroutable work, most first', () => {
    const rows = [
      { language: 'en', unroutable: 0 },
      { language: 'fi', unroutable: 2 },
      { language: 'de', unroutable: 2 },
      { language: 'ja', unroutable: 5 },
    ];
    expect(languagesWithUnroutable(rows).map((r) => r.language)).toEqual(['ja', 'de', 'fi']);
  });
});
