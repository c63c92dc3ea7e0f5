import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 bits: the cookie's value and the CSRF token are unguessable. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Only the hash of a session token is stored, so the sessions table cannot be replayed as cookies. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Compared in constant time: the comparison must not tell an attacker how much of a guess was right. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
