import { createHmac, randomUUID } from 'crypto';
import { TEST_INTAKE_SECRET, TestApp } from '../support/test-app';

export const INTAKE_PATH = '/api/v1/intake/messages';

export const COMPLAINTS = {
  en: 'My flight to London was cancelled and I am stuck at the airport. What should I do?',
  nl: 'Mijn vlucht naar Amsterdam is geannuleerd en ik zit vast op het vliegveld, wat moet ik doen?',
} as const;

/** Signed the way a connector signs: computed here, independently of the code under test. */
export function signatureFor(rawBody: string, secret = TEST_INTAKE_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** A fresh intake body: its own externalId and sender handle, English text with its language given. */
export function newMessage(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const id = randomUUID();
  return {
    channel: 'twitter',
    externalId: `ext-${id}`,
    from: { handle: `@passenger_${id.slice(0, 8)}`, name: 'Stranded Passenger' },
    text: COMPLAINTS.en,
    language: 'en',
    ...overrides,
  };
}

/** POSTs `rawBody` as JSON with the given X-Signature header (none when undefined). */
export function postIntake(t: TestApp, rawBody: string, signature?: string) {
  const request = t.http().post(INTAKE_PATH).set('Content-Type', 'application/json');
  if (signature !== undefined) request.set('X-Signature', signature);
  return request.send(rawBody);
}

/** POSTs the JSON body signed with the test INTAKE_SECRET. */
export function signedIntake(t: TestApp, body: Record<string, unknown>) {
  const rawBody = JSON.stringify(body);
  return postIntake(t, rawBody, signatureFor(rawBody));
}
