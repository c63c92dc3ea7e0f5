import { describeRequirements, waitingReason } from './requirements-description';
import { requirementsFixture } from './requirements.fixture';

describe('describeRequirements', () => {
  it('names the kinds, languages and level an agent needs', () => {
    expect(describeRequirements(requirementsFixture({ languages: ['de', 'en'], minLanguageLevel: 3, agentKinds: ['staff', 'volunteer'] }))).toBe(
      'needs a staff or volunteer agent speaking de or en at level ≥ 3',
    );
  });

  it('names each required skill with its level', () => {
    const requirements = requirementsFixture({
      languages: ['fr'],
      agentKinds: ['staff'],
      requiredSkills: [
        { name: 'refunds', minLevel: 2 },
        { name: 'special-assistance', minLevel: 4 },
      ],
    });
    expect(describeRequirements(requirements)).toMatch(/speaking fr at level ≥ \d with refunds ≥ 2, special-assistance ≥ 4$/);
  });

  it('says any language for a conversation whose language is undetermined', () => {
    expect(describeRequirements(requirementsFixture({ languages: null }))).toContain('speaking any language');
  });
});

describe('waitingReason', () => {
  const requirements = requirementsFixture({ languages: ['sv'], minLanguageLevel: 2, agentKinds: ['staff'] });

  it.each([
    [{ onDuty: 2, onRoster: 5 }, 'waiting: 2 agent(s) on duty fit, none with room; needs a staff agent speaking sv at level ≥ 2'],
    [{ onDuty: 0, onRoster: 3 }, 'waiting: 3 agent(s) on the roster fit, none on duty (signed in, available, in a shift); needs a staff agent speaking sv at level ≥ 2'],
    [{ onDuty: 0, onRoster: 0 }, 'waiting: no agent on the roster fits; needs a staff agent speaking sv at level ≥ 2'],
  ])('with %o fitting agents', (fitting, reason) => {
    expect(waitingReason(fitting, requirements)).toBe(reason);
  });
});
