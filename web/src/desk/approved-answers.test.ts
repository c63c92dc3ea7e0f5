import { describe, expect, it } from 'vitest';
import { answersForLanguage, variantFor } from './approved-answers';

const en = { language: 'en', text: 'Hello' };
const nl = { language: 'nl', text: 'Hallo' };
const de = { language: 'de', text: 'Guten Tag' };

describe('approved answers at the desk', () => {
  it.each([
    ['the passenger’s language', [en, nl], 'nl', nl],
    ['English when the passenger’s language has no variant', [de, en], 'fi', en],
    ['the first variant when there is neither', [de, nl], 'fi', de],
    ['nothing when there are no variants', [], 'nl', null],
  ])('sends %s', (_case, variants, language, expected) => {
    expect(variantFor(variants, language)).toEqual(expected);
  });

  it('lists the answers with a variant in the passenger’s language first, then by name', () => {
    const templates = [
      { name: 'Refunds', variants: [en] },
      { name: 'Baggage', variants: [en] },
      { name: 'Rebooking', variants: [en, nl] },
      { name: 'Hotel', variants: [nl] },
    ];
    expect(answersForLanguage(templates, 'nl').map((t) => t.name)).toEqual(['Hotel', 'Rebooking', 'Baggage', 'Refunds']);
    expect(templates[0].name).toBe('Refunds');
  });
});
