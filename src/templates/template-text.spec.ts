import { chooseVariant, firstName, renderTemplate, unknownVariables, waitInWords } from './template-text';

describe('template text', () => {
  it.each([
    ['Hello {{passengerName}}, flight {{flightNumber}}', []],
    ['{{ agentName }} here, wait {{estimatedWait}}', []],
    ['Dear {{name}}, {{ refundLink }} and {{name}}', ['name', 'refundLink']],
    ['{{}}', ['']],
    ['no variables at all', []],
  ])('unknownVariables(%j) → %j', (text, expected) => {
    expect(unknownVariables(text)).toEqual(expected);
  });

  it('fills every variable and renders missing or empty values as nothing, never "undefined"', () => {
    const text = 'Hi {{passengerName}}, {{flightNumber}} is cancelled. Wait: {{estimatedWait}}. {{agentName}}';
    expect(renderTemplate(text, { passengerName: 'Sam', flightNumber: 'KL1234', estimatedWait: 'about 5 minutes', agentName: 'Ada' })).toBe(
      'Hi Sam, KL1234 is cancelled. Wait: about 5 minutes. Ada',
    );
    expect(renderTemplate(text, { passengerName: null, flightNumber: '' })).toBe('Hi ,  is cancelled. Wait: . ');
  });

  it.each([
    ['Ada Lovelace', 'Ada'],
    ['  Grace  Hopper ', 'Grace'],
    [null, ''],
  ])('firstName(%j) → %j', (name, expected) => {
    expect(firstName(name)).toBe(expected);
  });

  const variants = [
    { language: 'de', text: 'de' },
    { language: 'en', text: 'en' },
    { language: 'nl', text: 'nl' },
  ];
  it.each([
    ['nl', 'nl'],
    ['fi', 'en'],
    ['und', 'en'],
  ])('variant for %s → %s', (language, expected) => {
    expect(chooseVariant(variants, language).text).toBe(expected);
  });

  it('falls back to the first variant when there is no English one', () => {
    expect(chooseVariant([{ language: 'fr' }, { language: 'de' }], 'nl').language).toBe('fr');
  });

  it.each([
    [null, 'en', ''],
    [20, 'en', 'less than a minute'],
    [60, 'en', 'about 1 minute'],
    [7 * 60 + 10, 'en', 'about 7 minutes'],
    [38 * 60, 'en', 'about 40 minutes'],
    [3 * 3600 + 100, 'en', 'about 3 hours'],
    [40 * 60, 'nl', 'ongeveer 40 minuten'],
    [40 * 60, 'fi', 'about 40 minutes'],
  ])('waitInWords(%j, %s) → %j', (seconds, language, expected) => {
    expect(waitInWords(seconds, language)).toBe(expected);
  });
});
