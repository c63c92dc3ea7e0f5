import { generateInviteCode, INVITE_CODE_LENGTH, normalizeInviteCode } from './invite-code';

describe('invite codes', () => {
  it('draws 16 URL-safe symbols from the crypto source', () => {
    const code = generateInviteCode();
    expect(code).toHaveLength(INVITE_CODE_LENGTH);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]+$/);
  });

  it.each([
    ['the first 16 symbols', 0, '0123456789ABCDEF'],
    ['the last 16 symbols', 16, 'GHJKMNPQRSTVWXYZ'],
    ['high bytes onto the same symbols as their low 5 bits', 224, '0123456789ABCDEF'],
  ])('maps bytes onto %s', (_, first, expected) => {
    const fixed = (size: number) => Buffer.from(Array.from({ length: size }, (_, i) => first + i));
    expect(generateInviteCode(fixed)).toBe(expected);
  });

  it('does not repeat itself', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => generateInviteCode()));
    expect(codes.size).toBe(1000);
  });

  it.each([
    ['  ab12cd34ef56gh78 ', 'AB12CD34EF56GH78'],
    ['AB12CD34EF56GH78', 'AB12CD34EF56GH78'],
  ])('normalizes %j', (typed, expected) => {
    expect(normalizeInviteCode(typed)).toBe(expected);
  });
});
