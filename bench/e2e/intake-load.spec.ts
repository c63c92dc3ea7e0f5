import { createHmac } from 'crypto';
import { handlePattern, intakeMessage, signatureFor } from './intake-load';

describe('intake load', () => {
  it('signs the raw body the way a connector does', () => {
    const raw = JSON.stringify({ channel: 'sms', text: 'help' });
    const expected = createHmac('sha256', 'bench-secret').update(raw).digest('hex');
    expect(signatureFor(raw, 'bench-secret')).toBe(`sha256=${expected}`);
  });

  it('gives every message its own sender and externalId, tagged with the phase', () => {
    const languages = ['en', 'nl', 'de'];
    const messages = Array.from({ length: 30 }, (_, seq) => intakeMessage('p1-r200', seq, languages));
    expect(new Set(messages.map((m) => `${m.channel}/${m.externalId}`)).size).toBe(30);
    expect(new Set(messages.map((m) => (m.from as { handle: string }).handle)).size).toBe(30);
    expect(messages[4]).toMatchObject({ externalId: 'p1-r200-4', from: { handle: '@p1-r200_4' }, language: 'nl' });
    expect(messages.filter((m) => String(m.text).includes('wheelchair'))).toHaveLength(3);
  });

  it('matches only its own phase in SQL LIKE, escaping the wildcard', () => {
    expect(handlePattern('p1-r200')).toBe('@p1-r200\\_%');
    expect(handlePattern('a_b%')).toBe('@a\\_b\\%\\_%');
  });
});
