import { decodeCursor, encodeCursor, toPage } from './page';

describe('pagination', () => {
  it('round-trips a cursor', () => {
    const keyset = { sortValue: '2026-11-22T10:00:00.000Z', id: 'b4a1' };
    expect(decodeCursor(encodeCursor(keyset))).toEqual(keyset);
  });

  it('rejects a cursor it did not make', () => {
    expect(() => decodeCursor('garbage')).toThrow('cursor is not a cursor this list returned');
  });

  it('returns no cursor on the last page and one when more rows follow', () => {
    const rows = [1, 2, 3].map((n) => ({ n, id: `id${n}` }));
    const keysetOf = (row: { n: number; id: string }) => ({ sortValue: String(row.n), id: row.id });
    expect(toPage(rows, 3, keysetOf, (row) => row.n)).toEqual({ items: [1, 2, 3], nextCursor: null });
    const page = toPage(rows, 2, keysetOf, (row) => row.n);
    expect(page.items).toEqual([1, 2]);
    expect(decodeCursor(page.nextCursor!)).toEqual({ sortValue: '2', id: 'id2' });
  });
});
