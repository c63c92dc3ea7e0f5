import { evaluateEligibility, exclusionHolds } from './eligibility';
import { AgentSnapshot, Requirements } from './engine.types';
import { requirementsFixture } from './requirements.fixture';

const agent = (over: Partial<AgentSnapshot> = {}): AgentSnapshot => ({
  id: 'agent-1',
  kind: 'staff',
  status: 'active',
  presence: 'available',
  surgeActive: false,
  inShift: false,
  languages: [
    { code: 'de', level: 4 },
    { code: 'en', level: 2 },
  ],
  skills: [{ name: 'special-assistance', level: 3 }],
  load: 1,
  maxConcurrent: 3,
  lastAssignedAt: null,
  excluded: false,
  ...over,
});

const requirements = (over: Partial<Requirements> = {}): Requirements =>
  requirementsFixture({ minLanguageLevel: 3, requiredSkills: [{ name: 'special-assistance', minLevel: 3 }], ...over });

const volunteer = { kind: 'volunteer', surgeActive: true, inShift: true } as const;

describe('evaluateEligibility, each condition', () => {
  it.each<[string, Partial<AgentSnapshot>, Partial<Requirements>, string]>([
    // 1. account, presence, sign-in
    ['eligible staff', {}, {}, 'eligible'],
    ['account suspended', { status: 'suspended' }, {}, 'account suspended'],
    ['account pending', { status: 'pending' }, {}, 'account pending'],
    ['account expired', { status: 'expired' }, {}, 'account expired'],
    ['presence away', { presence: 'away' }, {}, 'presence away'],
    ['presence offline', { presence: 'offline' }, {}, 'not signed in'],
    ['available but no sign-in', { signedIn: false }, {}, 'not signed in'],
    ['available and signed in', { signedIn: true }, {}, 'eligible'],
    // 2. volunteers only with surge and shift
    ['eligible volunteer', volunteer, {}, 'eligible'],
    ['volunteer without surge', { ...volunteer, surgeActive: false }, {}, 'surge not active'],
    ['volunteer outside shift', { ...volunteer, inShift: false }, {}, 'outside claimed shift'],
    ['staff needs neither surge nor shift', { surgeActive: false, inShift: false }, {}, 'eligible'],
    // 3. language
    ['speaks de at 4 ≥ 3', {}, {}, 'eligible'],
    ['speaks de exactly at the minimum', { languages: [{ code: 'de', level: 3 }] }, {}, 'eligible'],
    ['de below the minimum', { languages: [{ code: 'de', level: 2 }] }, {}, 'does not speak de at level 3'],
    ['no de at all', { languages: [{ code: 'fr', level: 5 }] }, {}, 'does not speak de at level 3'],
    ['no languages', { languages: [] }, {}, 'does not speak de at level 3'],
    ['language code case', { languages: [{ code: 'DE', level: 3 }] }, {}, 'eligible'],
    ['any listed language will do', { languages: [{ code: 'en', level: 3 }] }, { languages: ['de', 'en'] }, 'eligible'],
    [
      'none of the listed languages',
      { languages: [{ code: 'en', level: 2 }] },
      { languages: ['de', 'en'] },
      'does not speak de or en at level 3',
    ],
    ['und: any language, even none', { languages: [] }, { languages: null }, 'eligible'],
    // 4. skills
    ['has the skill at the minimum', {}, {}, 'eligible'],
    [
      'skill below the minimum',
      { skills: [{ name: 'special-assistance', level: 2 }] },
      {},
      'lacks skill special-assistance at level 3',
    ],
    ['skill missing', { skills: [] }, {}, 'lacks skill special-assistance at level 3'],
    [
      'second of two skills missing',
      {},
      { requiredSkills: [{ name: 'special-assistance', minLevel: 1 }, { name: 'refunds', minLevel: 2 }] },
      'lacks skill refunds at level 2',
    ],
    ['skills dropped', { skills: [] }, { requiredSkills: [] }, 'eligible'],
    // 5. kind
    ['staff not allowed', {}, { agentKinds: ['volunteer'] }, 'kind staff not allowed'],
    ['volunteer not allowed', volunteer, { agentKinds: ['staff'] }, 'kind volunteer not allowed'],
    ['volunteer allowed', volunteer, { agentKinds: ['volunteer'] }, 'eligible'],
    // 6. capacity
    ['one slot left', { load: 2, maxConcurrent: 3 }, {}, 'eligible'],
    ['at capacity', { load: 3, maxConcurrent: 3 }, {}, 'at capacity (3/3)'],
    ['over capacity after maxConcurrent lowered', { load: 4, maxConcurrent: 2 }, {}, 'at capacity (4/2)'],
    // 7. transferred away or unresponsive
    ['excluded', { excluded: true }, {}, 'transferred away or unresponsive before'],
  ])('%s → %p', (_label, agentOver, reqOver, reason) => {
    expect(evaluateEligibility(agent(agentOver), requirements(reqOver))).toEqual({
      eligible: reason === 'eligible',
      reason,
    });
  });
});

describe('evaluateEligibility, the first failing condition gives the reason', () => {
  const everythingWrong: Partial<AgentSnapshot> = {
    kind: 'volunteer',
    status: 'suspended',
    presence: 'away',
    signedIn: false,
    surgeActive: false,
    inShift: false,
    languages: [],
    skills: [],
    load: 3,
    maxConcurrent: 3,
    excluded: true,
  };
  const fixed: Partial<AgentSnapshot>[] = [
    { status: 'active' },
    { presence: 'available' },
    { signedIn: true },
    { surgeActive: true },
    { inShift: true },
    { languages: [{ code: 'de', level: 3 }] },
    { skills: [{ name: 'special-assistance', level: 3 }] },
    { kind: 'staff' },
    { load: 0 },
    { excluded: false },
  ];
  const reasons = [
    'account suspended',
    'presence away',
    'not signed in',
    'surge not active',
    'outside claimed shift',
    'does not speak de at level 3',
    'lacks skill special-assistance at level 3',
    'kind volunteer not allowed',
    'at capacity (3/3)',
    'transferred away or unresponsive before',
    'eligible',
  ];

  it.each(reasons.map((reason, fixedCount) => [fixedCount, reason] as const))(
    'with the first %p conditions fixed → %p',
    (fixedCount, reason) => {
      const over = Object.assign({}, everythingWrong, ...fixed.slice(0, fixedCount));
      expect(evaluateEligibility(agent(over), requirements({ agentKinds: ['staff'] })).reason).toBe(reason);
    },
  );
});

describe('exclusionHolds', () => {
  const now = new Date('2030-01-01T12:00:00Z');
  it.each<[string, Date | null, boolean]>([
    ['a transfer, for good', null, true],
    ['an unresponsive agent, not expired', new Date('2030-01-01T12:00:01Z'), true],
    ['expiring exactly now', now, false],
    ['expired', new Date('2030-01-01T11:30:00Z'), false],
  ])('%s', (_name, expiresAt, holds) => {
    expect(exclusionHolds({ expiresAt }, now)).toBe(holds);
  });
});
