import { findUnsafeInput, MAX_INPUT_DEPTH, unsafeTextReason } from './unsafe-input';

const nestedArrays = (depth: number): unknown => (depth === 0 ? [] : [nestedArrays(depth - 1)]);

describe('unsafeTextReason', () => {
  it.each([
    ['plain text', 'Sam Jansen', null],
    ['a surrogate pair (emoji)', 'Sam 🚀', null],
    ['NUL', 'Sam\u0000', 'must not contain a NUL character'],
    ['a lone high surrogate', 'sam\ud800@airline.test', 'must not contain an unpaired UTF-16 surrogate'],
    ['a lone low surrogate', '\udfffSam', 'must not contain an unpaired UTF-16 surrogate'],
    ['a high surrogate at the end', 'Sam\ud83d', 'must not contain an unpaired UTF-16 surrogate'],
  ])('%s', (_case, text, reason) => {
    expect(unsafeTextReason(text)).toBe(reason);
  });
});

describe('findUnsafeInput', () => {
  it('accepts ordinary bodies', () => {
    expect(findUnsafeInput({ name: 'Sam', languages: [{ code: 'nl', level: 5 }], skills: [] })).toBeNull();
  });

  it('names the field with its path, as validation messages do', () => {
    expect(findUnsafeInput({ name: 'Sam', languages: [{ code: 'nl' }, { code: 'e\u0000n' }] })).toBe(
      'languages.1.code must not contain a NUL character',
    );
    expect(findUnsafeInput({ email: 'sam\ud800@airline.test' })).toBe('email must not contain an unpaired UTF-16 surrogate');
  });

  it('names the first offending field in document order', () => {
    expect(findUnsafeInput({ a: 'x\u0000', b: 'y\u0000' })).toBe('a must not contain a NUL character');
  });

  it('checks field names too', () => {
    expect(findUnsafeInput({ 'na\u0000me': 'Sam' })).toBe('body field names must not contain a NUL character');
  });

  it('names the root for a bare string', () => {
    expect(findUnsafeInput('\u0000')).toBe('body must not contain a NUL character');
    expect(findUnsafeInput({ cursor: '\u0000' }, 'query')).toBe('cursor must not contain a NUL character');
  });

  it(`allows ${MAX_INPUT_DEPTH} nested arrays or objects and refuses one more`, () => {
    // nestedArrays(n) is n + 1 arrays, one inside the other.
    expect(findUnsafeInput(nestedArrays(MAX_INPUT_DEPTH - 1))).toBeNull();
    expect(findUnsafeInput(nestedArrays(MAX_INPUT_DEPTH))).toMatch(/is nested more than 12 levels deep$/);
  });

  it('walks a 20,000-level [[[…]]] without overflowing its own stack', () => {
    const deep = JSON.parse('['.repeat(20_000) + ']'.repeat(20_000));
    expect(findUnsafeInput(deep)).toBe(`body is nested more than ${MAX_INPUT_DEPTH} levels deep`);
  });

  it('blames the top-level field whose value nests too deeply', () => {
    const deep = JSON.parse('{"x":'.repeat(30) + '1' + '}'.repeat(30));
    expect(findUnsafeInput({ name: 'Sam', languages: [deep] })).toBe(`languages is nested more than ${MAX_INPUT_DEPTH} levels deep`);
  });
});
