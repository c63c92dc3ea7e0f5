import { describe, expect, it } from 'vitest';
import { inviteLink, inviteState, localDateTimeToIso, readInviteForm, usesLeft } from './invites';

const NOW = new Date('2026-12-02T10:00:00.000Z');

describe('invite link', () => {
  it.each([
    ['https://surge.example', 'ABC123', 'https://surge.example/join/ABC123'],
    ['http://127.0.0.1:3000/', 'ABC123', 'http://127.0.0.1:3000/join/ABC123'],
    ['https://surge.example', 'a b/c', 'https://surge.example/join/a%20b%2Fc'],
  ])('%s + %s → %s', (origin, code, link) => {
    expect(inviteLink(origin, code)).toBe(link);
  });

  it('counts the uses left, never below zero', () => {
    expect(usesLeft({ maxUses: 10, uses: 3 })).toBe(7);
    expect(usesLeft({ maxUses: 1, uses: 1 })).toBe(0);
    expect(usesLeft({ maxUses: 1, uses: 2 })).toBe(0);
  });
});

describe('invite state', () => {
  it.each([
    [{ maxUses: 5, uses: 2, expiresAt: null }, 'open'],
    [{ maxUses: 5, uses: 2, expiresAt: '2026-12-02T10:00:01.000Z' }, 'open'],
    [{ maxUses: 5, uses: 5, expiresAt: null }, 'used-up'],
    [{ maxUses: 5, uses: 2, expiresAt: '2026-12-02T10:00:00.000Z' }, 'expired'],
    [{ maxUses: 5, uses: 5, expiresAt: '2026-12-01T10:00:00.000Z' }, 'expired'],
  ])('%o is %s', (invite, state) => {
    expect(inviteState(invite, NOW)).toBe(state);
  });
});

describe('invite form', () => {
  it('sends only what was filled in, auto-approve always', () => {
    expect(readInviteForm({ maxUses: '', expiresAt: '', autoApprove: true }, NOW)).toEqual({ body: { autoApprove: true }, errors: {} });
    const filled = readInviteForm({ maxUses: '25', expiresAt: '2026-12-03T18:30', autoApprove: false }, NOW);
    expect(filled.errors).toEqual({});
    expect(filled.body).toEqual({ maxUses: 25, expiresAt: localDateTimeToIso('2026-12-03T18:30'), autoApprove: false });
  });

  it.each([
    [{ maxUses: '0' }, 'maxUses'],
    [{ maxUses: '2.5' }, 'maxUses'],
    [{ maxUses: '100001' }, 'maxUses'],
    [{ expiresAt: 'tomorrow-ish' }, 'expiresAt'],
    [{ expiresAt: '2026-12-01T09:00' }, 'expiresAt'],
  ])('refuses %o beside the field %s', (change, field) => {
    const result = readInviteForm({ maxUses: '', expiresAt: '', autoApprove: true, ...change }, NOW);
    expect(result.body).toBeNull();
    expect(Object.keys(result.errors)).toEqual([field]);
  });

  it('reads a local date and time as an instant', () => {
    expect(localDateTimeToIso('')).toBeNull();
    expect(localDateTimeToIso('not a date')).toBeNull();
    expect(localDateTimeToIso('2026-12-03T18:30')).toBe(new Date(2026, 11, 3, 18, 30).toISOString());
  });
});
