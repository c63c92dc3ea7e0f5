import { describe, expect, it } from 'vitest';
import { fallbackVariants, flightReplyBody, keyForSend } from './flight-reply';

describe('one reply to a flight', () => {
  it.each([
    [{ text: '  Rebooked  ', templateId: '', resolve: false }, { text: 'Rebooked', resolve: false }],
    [{ text: '', templateId: 't-1', resolve: true }, { templateId: 't-1', resolve: true }],
    [{ text: '   ', templateId: '', resolve: false }, 'empty'],
    [{ text: 'Rebooked', templateId: 't-1', resolve: false }, 'both'],
  ])('turns %j into %j', (draft, expected) => {
    expect(flightReplyBody(draft)).toEqual(expected);
  });

  it('makes a new key for each new send and keeps it only to retry the same send', () => {
    let made = 0;
    const newKey = () => `key-${++made}`;
    const body = { text: 'Rebooked', resolve: false };
    const first = keyForSend(null, 'KL1234', body, newKey);
    expect(first.key).toBe('key-1');
    expect(keyForSend(first, 'KL1234', { ...body }, newKey)).toBe(first);
    expect(keyForSend(first, 'KL1234', { ...body, resolve: true }, newKey).key).toBe('key-2');
    expect(keyForSend(first, 'KL1235', body, newKey).key).toBe('key-3');
    expect(keyForSend(null, 'KL1234', body, newKey).key).toBe('key-4');
  });

  it('names the languages an approved answer has no variant for, and what they get instead', () => {
    expect(fallbackVariants(['en', 'nl'], ['nl', 'fi', 'en'])).toEqual([{ language: 'fi', gets: 'en' }]);
    expect(fallbackVariants(['de', 'nl'], ['fi'])).toEqual([{ language: 'fi', gets: 'de' }]);
    expect(fallbackVariants(['en'], ['en'])).toEqual([]);
    expect(fallbackVariants([], ['en'])).toEqual([]);
  });
});
