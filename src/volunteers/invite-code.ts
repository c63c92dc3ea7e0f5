import { randomBytes } from 'crypto';

/** Crockford base32: no I, L, O or U, so a code read aloud or copied by hand survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const INVITE_CODE_LENGTH = 16;

/** 16 symbols of 5 random bits each: 80 bits, not guessable by trying. */
export function generateInviteCode(random: (size: number) => Buffer = randomBytes): string {
  // 256 is a multiple of 32, so masking each byte keeps every symbol equally likely.
  return Array.from(random(INVITE_CODE_LENGTH), (byte) => ALPHABET[byte & 31]).join('');
}

/** Codes are issued upper-case; accept what a person types (lower case, surrounding spaces). */
export function normalizeInviteCode(code: string): string {
  return code.trim().toUpperCase();
}
