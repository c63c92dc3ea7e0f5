import { MessageFacts, RoutingRule, RuleMatch } from './engine.types';
import { containsWholeWord, DEFAULT_RULE, defaultRouteFor, matchRule } from './rule-matcher';

const facts = (over: Partial<MessageFacts> = {}): MessageFacts => ({
  channel: 'twitter',
  language: 'de',
  text: 'Mein Flug ist gestrichen',
  flightNumber: null,
  ...over,
});

const rule = (id: string, over: Partial<RoutingRule> = {}): RoutingRule => ({
  id,
  name: id,
  order: 10,
  enabled: true,
  match: {},
  route: {},
  ...over,
});

const noSurge = { surgeActive: false };
const surge = { surgeActive: true };

describe('DEFAULT_RULE and defaultRouteFor', () => {
  it('is the built-in least-loaded rule with an empty match', () => {
    expect(DEFAULT_RULE).toMatchObject({ id: null, name: 'default', enabled: true, match: {} });
    expect(DEFAULT_RULE.order).toBeGreaterThan(1e9);
    expect(DEFAULT_RULE.route).toEqual({
      requiredSkills: [],
      agentKinds: ['staff', 'volunteer'],
      minLanguageLevel: 1,
      priority: 5,
      strategy: 'least_loaded',
    });
  });

  it.each([
    [null, 1800],
    [60, 1800],
    [120, 3600],
    [15, 450],
    [1, 30],
    [0, 1800],
  ])('SLA %p minutes → English fallback after %p s', (sla, afterSeconds) => {
    expect(defaultRouteFor(sla)).toEqual({
      requiredSkills: [],
      agentKinds: ['staff', 'volunteer'],
      minLanguageLevel: 1,
      priority: 5,
      strategy: 'least_loaded',
      escalation: [{ afterSeconds, fallbackLanguages: ['en'] }],
    });
  });
});

describe('matchRule, one condition at a time', () => {
  it.each<[string, RuleMatch, Partial<MessageFacts>, { surgeActive: boolean }, boolean]>([
    ['empty match', {}, {}, noSurge, true],
    ['channel listed', { channels: ['twitter', 'facebook'] }, { channel: 'facebook' }, noSurge, true],
    ['channel not listed', { channels: ['twitter', 'facebook'] }, { channel: 'email' }, noSurge, false],
    ['empty channel list restricts nothing', { channels: [] }, { channel: 'sms' }, noSurge, true],
    ['language listed', { languages: ['de', 'nl'] }, { language: 'nl' }, noSurge, true],
    ['language listed, other case', { languages: ['DE'] }, { language: 'de' }, noSurge, true],
    ['language not listed', { languages: ['de', 'nl'] }, { language: 'fr' }, noSurge, false],
    ['und is a language like any other', { languages: ['de'] }, { language: 'und' }, noSurge, false],
    ['keyword present', { keywordsAny: ['wheelchair'] }, { text: 'I need a wheelchair at BER' }, noSurge, true],
    ['keyword absent', { keywordsAny: ['wheelchair'] }, { text: 'flight cancelled' }, noSurge, false],
    ['any of several keywords', { keywordsAny: ['medical', 'minor'] }, { text: 'a minor travelling alone' }, noSurge, true],
    ['empty keyword list restricts nothing', { keywordsAny: [] }, {}, noSurge, true],
    ['hasFlightNumber true, present', { hasFlightNumber: true }, { flightNumber: 'LH123' }, noSurge, true],
    ['hasFlightNumber true, absent', { hasFlightNumber: true }, { flightNumber: null }, noSurge, false],
    ['hasFlightNumber true, blank', { hasFlightNumber: true }, { flightNumber: '  ' }, noSurge, false],
    ['hasFlightNumber false, absent', { hasFlightNumber: false }, { flightNumber: null }, noSurge, true],
    ['hasFlightNumber false, present', { hasFlightNumber: false }, { flightNumber: 'LH123' }, noSurge, false],
    ['surgeOnly during surge', { surgeOnly: true }, {}, surge, true],
    ['surgeOnly without surge', { surgeOnly: true }, {}, noSurge, false],
    ['surgeOnly false without surge', { surgeOnly: false }, {}, noSurge, true],
    ['surgeOnly false during surge', { surgeOnly: false }, {}, surge, true],
  ])('%s → %p', (_label, match, over, context, matches) => {
    const r = rule('r1', { match });
    expect(matchRule([r], facts(over), context)).toBe(matches ? r : null);
  });
});

describe('matchRule, combined conditions', () => {
  const match: RuleMatch = {
    channels: ['twitter', 'facebook'],
    languages: ['de', 'nl'],
    keywordsAny: ['wheelchair', 'Rollstuhl'],
    hasFlightNumber: true,
    surgeOnly: true,
  };
  const all: Partial<MessageFacts> = { channel: 'twitter', language: 'de', text: 'Brauche Rollstuhl', flightNumber: 'LH9' };

  it.each<[string, Partial<MessageFacts>, { surgeActive: boolean }, boolean]>([
    ['all hold', all, surge, true],
    ['wrong channel', { ...all, channel: 'email' }, surge, false],
    ['wrong language', { ...all, language: 'fr' }, surge, false],
    ['no keyword', { ...all, text: 'Brauche Hilfe' }, surge, false],
    ['no flight number', { ...all, flightNumber: null }, surge, false],
    ['no surge', all, noSurge, false],
  ])('%s → %p', (_label, over, context, matches) => {
    const r = rule('combo', { match });
    expect(matchRule([r], facts(over), context)).toBe(matches ? r : null);
  });
});

describe('matchRule, choosing among rules', () => {
  const a = rule('a', { order: 20 });
  const b = rule('b', { order: 10, match: { channels: ['email'] } });
  const c = rule('c', { order: 10 });
  const d = rule('d', { order: 10 });
  const off = rule('off', { order: 1, enabled: false });
  const offButWouldMatch = rule('off2', { order: 5, enabled: false, match: { languages: ['de'] } });

  it.each<[string, RoutingRule[], Partial<MessageFacts>, string | null]>([
    ['lower order first', [a, c], {}, 'c'],
    ['lower order first, whatever the array position', [c, a], {}, 'c'],
    ['order tie → array position', [d, c], {}, 'd'],
    ['order tie → array position, reversed', [c, d], {}, 'c'],
    ['first rule whose match holds', [b, a], { channel: 'twitter' }, 'a'],
    ['earlier rule matches', [a, b], { channel: 'email' }, 'b'],
    ['disabled rules are skipped', [off, offButWouldMatch, a], {}, 'a'],
    ['only disabled rules → none', [off, offButWouldMatch], {}, null],
    ['no rules → none', [], {}, null],
    ['nothing matches → none', [b], { channel: 'sms' }, null],
  ])('%s', (_label, rules, over, expectedId) => {
    const found = matchRule(rules, facts(over), noSurge);
    expect(found ? found.id : null).toBe(expectedId);
  });

  it('does not reorder the caller\'s array', () => {
    const rules = [a, c];
    matchRule(rules, facts(), noSurge);
    expect(rules).toEqual([a, c]);
  });
});

describe('containsWholeWord', () => {
  it.each<[string, string, boolean]>([
    ['wheelchair', 'I need a wheelchair', true],
    ['wheelchair', 'Wheelchair please', true],
    ['wheelchair', 'need a WHEELCHAIR', true],
    ['WheelChair', 'need a wheelchair', true],
    ['wheelchair', 'wheelchairs are scarce', false],
    ['wheelchair', 'no electricwheelchair', false],
    ['wheelchair', 'wheelchair, please!', true],
    ['wheelchair', '(wheelchair)', true],
    ['wheelchair', '#wheelchair', true],
    ['wheelchair', 'wheelchair-user here', true],
    ['wheelchair', "wheelchair's battery", true],
    ['wheelchair', 'wheelchair2', false],
    ['wheelchair', '2wheelchair', false],
    ['wheelchair', 'wheelchair_user', true],
    ['Rollstuhl', 'Ich bin Rollstuhlfahrer', false],
    ['Rollstuhl', 'Mein Rollstuhl fehlt.', true],
    ['Rollstuhl', 'ROLLSTUHL', true],
    ['Ärztin', 'Wir brauchen eine ärztin', true],
    ['ärztin', 'Wir brauchen eine ÄRZTIN!', true],
    ['arzt', 'Ärzte', false],
    ['arzt', 'Notarzt', false],
    ['Arzt', 'kein Arzt da', true],
    ['müde', 'müdes Kind', false],
    ['café', 'at the café.', true],
    ['cafe', 'at the café', false],
    ['café', 'at the cafés', false],
    ['café', 'at the cafe\u0301', true],
    ['niño', 'viaja un NIÑO solo', true],
    ['enfant', 'mon enfant est seul', true],
    ['flygplats', 'på flygplatsen', false],
    ['lost bag', 'I have a lost bag at LHR', true],
    ['lost bag', 'Lost   Bag', true],
    ['lost bag', 'lost\nbag', true],
    ['lost bag', 'lost bags', false],
    ['lost bag', 'a lostbag', false],
    ['lost bag', 'bag lost', false],
    ['  medical  ', 'medical emergency', true],
    ['', 'anything', false],
    ['   ', 'anything', false],
    ['c++', 'I code in c++ daily', true],
    ['a.b', 'axb', false],
    ['(x)', 'see (x) here', true],
    ['медицина', 'нужна медицина срочно', true],
    ['医療', '医療が必要', false],
  ])('%p in %p → %p', (keyword, text, expected) => {
    expect(containsWholeWord(text, keyword)).toBe(expected);
  });
});
