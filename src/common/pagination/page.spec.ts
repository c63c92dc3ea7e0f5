import { decodeCursor, encodeCursor, TIME_AND_UUID, toPage } from './page';

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const ID = 'b4a1c2d3-0000-4000-8000-000000000001';

describe('pagination', () => {
  it('round-trips a cursor', () => {
    const keyset = { sortValue: '2026-11-22T10:00:00.123456Z', id: ID };
    expect(decodeCursor(encodeCursor(keyset), TIME_AND_UUID)).toEqual(keyset);
  });

  it('reads no cursor as the first page', () => {
    expect(decodeCursor(undefined, TIME_AND_UUID)).toBeNull();
  });

  it.each([
    ['not base64 JSON', 'garbage'],
    ['["x","y"] (the forged cursor of issue 14)', 'WyJ4IiwieSJd'],
    ['an empty string', ''],
    ['a JSON object', cursorOf({ sortValue: '2026-11-22T10:00:00Z', id: ID })],
    ['three parts', cursorOf(['2026-11-22T10:00:00Z', ID, 'x'])],
    ['a number for the time', cursorOf([1, ID])],
    ['month 13', cursorOf(['2026-13-01T10:00:00Z', ID])],
    ['February 30', cursorOf(['2026-02-30T10:00:00Z', ID])],
    ['year 0, which Postgres lacks', cursorOf(['0000-01-01T00:00:00Z', ID])],
    ['a local time without Z', cursorOf(['2026-11-22T10:00:00', ID])],
    ['a non-uuid id', cursorOf(['2026-11-22T10:00:00Z', 'y'])],
  ])('rejects %s for a time-and-uuid list', (_case, cursor) => {
    expect(() => decodeCursor(cursor, TIME_AND_UUID)).toThrow('cursor is not a cursor this list returned');
  });

  it.each([
    [['9223372036854775807', '9223372036854775807'], true],
    [['9223372036854775808', '9223372036854775808'], false],
    [['-1', '-1'], false],
    [['12x', '12x'], false],
  ])('checks bigint parts against the bigint range: %j', (value, accepted) => {
    const decode = () => decodeCursor(cursorOf(value), { sortValue: 'bigint', id: 'bigint' });
    if (accepted) expect(decode()).toEqual({ sortValue: value[0], id: value[1] });
    else expect(decode).toThrow('cursor is not a cursor this list returned');
  });

  it('accepts any storable text but not NUL or a lone surrogate', () => {
    const shape = { sortValue: 'text', id: 'uuid' } as const;
    expect(decodeCursor(cursorOf(['Jansen, Sam 🚀', ID]), shape)).toEqual({ sortValue: 'Jansen, Sam 🚀', id: ID });
    expect(() => decodeCursor(cursorOf(['Sam\u0000', ID]), shape)).toThrow('cursor is not a cursor this list returned');
    expect(() => decodeCursor(cursorOf(['\ud800', ID]), shape)).toThrow('cursor is not a cursor this list returned');
  });

  it('returns no cursor on the last page and one when more rows follow', () => {
    const rows = [1, 2, 3].map((n) => ({ n, id: `id${n}` }));
    const keysetOf = (row: { n: number; id: string }) => ({ sortValue: String(row.n), id: row.id });
    expect(toPage(rows, 3, keysetOf, (row) => row.n)).toEqual({ items: [1, 2, 3], nextCursor: null });
    const page = toPage(rows, 2, keysetOf, (row) => row.n);
    expect(page.items).toEqual([1, 2]);
    expect(decodeCursor(page.nextCursor!, { sortValue: 'text', id: 'text' })).toEqual({ sortValue: '2', id: 'id2' });
  });
});
