import { EventReplay } from './event-replay';

describe('EventReplay.lastEventId', () => {
  it.each<[string | string[] | undefined, string | null]>([
    ['1042', '1042'],
    ['9223372036854775807', '9223372036854775807'],
    ['9223372036854775808', null],
    ['9999999999999999999', null],
    ['-1', null],
    ['12abc', null],
    ['', null],
    [['1', '2'], null],
    [undefined, null],
  ])('%j → %j', (header, id) => {
    expect(EventReplay.lastEventId(header)).toBe(id);
  });
});
