import { createHmac, timingSafeEqual } from 'crypto';

const SIGNATURE_HEADER = /^sha256=([0-9a-f]{64})$/i;

/** The X-Signature value a connector sends for `rawBody`. */
export function signIntakeBody(rawBody: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/**
 * True when `header` is `sha256=<hex HMAC-SHA256 of rawBody>` under `secret`. The digests are
 * compared in constant time so a caller cannot learn the signature byte by byte from timings.
 */
export function verifyIntakeSignature(rawBody: Buffer | undefined, header: string | undefined, secret: string): boolean {
  if (!rawBody || !header) return false;
  const match = SIGNATURE_HEADER.exec(header.trim());
  if (!match) return false;
  const given = Buffer.from(match[1], 'hex');
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return timingSafeEqual(given, expected);
}
