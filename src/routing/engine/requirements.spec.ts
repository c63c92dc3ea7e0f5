import { ConversationFacts, Requirements, RoutingRule, TransferRequirements } from './engine.types';
import { requirementsAt } from './requirements';
import { DEFAULT_RULE } from './rule-matcher';

const RECEIVED_AT = new Date('2026-11-22T10:00:00.000Z');
const at = (seconds: number) => new Date(RECEIVED_AT.getTime() + seconds * 1000);

const conversation = (over: Partial<ConversationFacts> = {}): ConversationFacts => ({
  language: 'de',
  receivedAt: RECEIVED_AT,
  transfer: null,
  ...over,
});

const SKILL = { name: 'special-assistance', minLevel: 3 };

/** routing.md's example rule, escalation steps deliberately out of order. */
const MEDICAL: RoutingRule = {
  id: 'rule-medical',
  name: 'medical and minors first',
  order: 10,
  enabled: true,
  match: { keywordsAny: ['medical'] },
  route: {
    requiredSkills: [SKILL],
    agentKinds: ['staff'],
    minLanguageLevel: 3,
    priority: 8,
    strategy: 'round_robin',
    reassignAfterSeconds: 900,
    escalation: [
      { afterSeconds: 1800, fallbackLanguages: ['en', 'de'] },
      { afterSeconds: 600, priority: 9 },
      { afterSeconds: 1200, dropSkills: true },
    ],
  },
};

const MEDICAL_AT_START: Requirements = {
  languages: ['de'],
  minLanguageLevel: 3,
  requiredSkills: [SKILL],
  agentKinds: ['staff'],
  priority: 8,
  strategy: 'round_robin',
  escalationStep: 0,
  nextStepAfterSeconds: 600,
  reassignAfterSeconds: 900,
};

describe('requirementsAt, escalation over time', () => {
  it.each<[string, number, Partial<Requirements>]>([
    ['on arrival', 0, {}],
    ['now before receivedAt (clock skew)', -30, {}],
    ['just before step 1', 599.999, {}],
    ['at step 1: priority 9', 600, { priority: 9, escalationStep: 1, nextStepAfterSeconds: 1200 }],
    ['after step 1', 601, { priority: 9, escalationStep: 1, nextStepAfterSeconds: 1200 }],
    ['just before step 2', 1199, { priority: 9, escalationStep: 1, nextStepAfterSeconds: 1200 }],
    ['at step 2: skills dropped', 1200, { priority: 9, requiredSkills: [], escalationStep: 2, nextStepAfterSeconds: 1800 }],
    ['just before step 3', 1799, { priority: 9, requiredSkills: [], escalationStep: 2, nextStepAfterSeconds: 1800 }],
    [
      'at step 3: English added once, de not repeated',
      1800,
      { priority: 9, requiredSkills: [], languages: ['de', 'en'], escalationStep: 3, nextStepAfterSeconds: null },
    ],
    [
      'long after the last step',
      86400,
      { priority: 9, requiredSkills: [], languages: ['de', 'en'], escalationStep: 3, nextStepAfterSeconds: null },
    ],
  ])('%s (%p s)', (_label, seconds, changes) => {
    expect(requirementsAt(MEDICAL, conversation(), at(seconds))).toEqual({ ...MEDICAL_AT_START, ...changes });
  });

  it.each<[string, number, number]>([
    ['before any step', 0, 8],
    ['first override', 100, 3],
    ['latest reached override wins', 200, 10],
    ['a step without priority keeps the last override', 300, 10],
  ])('priority %s', (_label, seconds, priority) => {
    const rule: RoutingRule = {
      ...MEDICAL,
      route: {
        priority: 8,
        escalation: [
          { afterSeconds: 300, dropSkills: true },
          { afterSeconds: 200, priority: 10 },
          { afterSeconds: 100, priority: 3 },
        ],
      },
    };
    expect(requirementsAt(rule, conversation(), at(seconds)).priority).toBe(priority);
  });

  it('accumulates fallback languages over several steps without duplicates', () => {
    const rule: RoutingRule = {
      ...MEDICAL,
      route: {
        escalation: [
          { afterSeconds: 60, fallbackLanguages: ['nl', 'en'] },
          { afterSeconds: 120, fallbackLanguages: ['EN', 'fr'] },
        ],
      },
    };
    expect(requirementsAt(rule, conversation(), at(120)).languages).toEqual(['de', 'nl', 'en', 'fr']);
  });
});

describe('requirementsAt, languages and transfers', () => {
  it.each<[string, Partial<ConversationFacts>, number, Partial<Requirements>]>([
    ['und → any language', { language: 'und' }, 0, { languages: null }],
    [
      'und stays any language after a fallback step',
      { language: 'und' },
      1800,
      { languages: null, requiredSkills: [], priority: 9, escalationStep: 3, nextStepAfterSeconds: null },
    ],
    [
      'transfer language replaces the conversation language',
      { transfer: { language: 'fr' } },
      0,
      { languages: ['fr'] },
    ],
    [
      'transfer to und → any language',
      { transfer: { language: 'und' } },
      0,
      { languages: null },
    ],
    [
      'transfer skills replace the rule skills',
      { transfer: { requiredSkills: [{ name: 'refunds', minLevel: 2 }] } },
      0,
      { requiredSkills: [{ name: 'refunds', minLevel: 2 }] },
    ],
    [
      'transfer with no skills clears the rule skills',
      { transfer: { requiredSkills: [] } },
      0,
      { requiredSkills: [] },
    ],
    [
      'empty transfer keeps the rule requirements',
      { transfer: {} as TransferRequirements },
      0,
      {},
    ],
    [
      'a transferred conversation keeps the rule escalation',
      { transfer: { language: 'fr', requiredSkills: [{ name: 'refunds', minLevel: 2 }] } },
      1800,
      { languages: ['fr', 'en', 'de'], requiredSkills: [], priority: 9, escalationStep: 3, nextStepAfterSeconds: null },
    ],
  ])('%s', (_label, over, seconds, changes) => {
    expect(requirementsAt(MEDICAL, conversation(over), at(seconds))).toEqual({ ...MEDICAL_AT_START, ...changes });
  });
});

describe('requirementsAt, route defaults and the default rule', () => {
  const bare: RoutingRule = { id: 'bare', name: 'bare', order: 1, enabled: true, match: {}, route: {} };

  it('fills a bare route with the defaults', () => {
    expect(requirementsAt(bare, conversation(), at(99999))).toEqual({
      languages: ['de'],
      minLanguageLevel: 1,
      requiredSkills: [],
      agentKinds: ['staff', 'volunteer'],
      priority: 5,
      strategy: 'least_loaded',
      escalationStep: 0,
      nextStepAfterSeconds: null,
      reassignAfterSeconds: null,
    });
  });

  it.each<[string, number | null | undefined, number, string[], number, number | null]>([
    ['no incident, before 30 min', undefined, 1799, ['de'], 0, 1800],
    ['no incident, at 30 min', null, 1800, ['de', 'en'], 1, null],
    ['SLA 120, before 60 min', 120, 3599, ['de'], 0, 3600],
    ['SLA 120, at 60 min', 120, 3600, ['de', 'en'], 1, null],
    ['SLA 10, at 5 min', 10, 300, ['de', 'en'], 1, null],
  ])('default rule: %s', (_label, slaMinutes, seconds, languages, step, next) => {
    const options = slaMinutes === undefined ? undefined : { slaMinutes };
    expect(requirementsAt(DEFAULT_RULE, conversation(), at(seconds), options)).toEqual({
      languages,
      minLanguageLevel: 1,
      requiredSkills: [],
      agentKinds: ['staff', 'volunteer'],
      priority: 5,
      strategy: 'least_loaded',
      escalationStep: step,
      nextStepAfterSeconds: next,
      reassignAfterSeconds: null,
    });
  });

  it('an English conversation on the default rule stays English only after the fallback', () => {
    expect(requirementsAt(DEFAULT_RULE, conversation({ language: 'en' }), at(1800)).languages).toEqual(['en']);
  });

  it('does not mutate the rule', () => {
    const before = JSON.stringify(MEDICAL);
    const result = requirementsAt(MEDICAL, conversation(), at(1800));
    result.agentKinds.push('volunteer');
    expect(JSON.stringify(MEDICAL)).toBe(before);
  });
});
