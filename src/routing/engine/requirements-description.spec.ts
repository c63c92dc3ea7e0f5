import { describeRequirements } from './requirements-description';
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
