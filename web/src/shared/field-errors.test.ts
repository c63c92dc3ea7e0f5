import { describe, expect, it } from 'vitest';
import { errorsByPath, GENERAL } from './field-errors';

describe('errorsByPath', () => {
  const paths = { slots: 'slots', languages: 'languages', startsAt: 'startsAt' } as const;

  it.each([
    ['slots must not be greater than 500', 'slots'],
    ['languages.1.code must be an ISO 639-1 code', 'languages'],
    ['startsAt must be an ISO-8601 date-time', 'startsAt'],
    ['the incident is closed', GENERAL],
    ['slotsy is not a field', GENERAL],
  ])('puts "%s" beside %s', (message, field) => {
    expect(errorsByPath([message], paths)).toEqual({ [field]: [message] });
  });

  it('keeps several messages of one field in order', () => {
    expect(errorsByPath(['slots a', 'languages b', 'slots c'], paths)).toEqual({ slots: ['slots a', 'slots c'], languages: ['languages b'] });
  });
});
