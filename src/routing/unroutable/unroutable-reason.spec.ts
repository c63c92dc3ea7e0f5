import { RosterGap, unroutableReason } from './unroutable-reason';

const gap = (over: Partial<RosterGap> = {}): RosterGap => ({
  languages: ['fi'],
  minLanguageLevel: 3,
  agentKinds: ['staff', 'volunteer'],
  kindOnRoster: true,
  speakerOnRoster: true,
  missingSkill: null,
  onlyExcludedFit: false,
  ...over,
});

describe('unroutableReason', () => {
  it.each<[string, Partial<RosterGap>, string]>([
    ['no speaker', { speakerOnRoster: false }, 'no agent speaks fi at level 3'],
    ['no speaker of either language', { languages: ['fi', 'sv'], minLanguageLevel: 1, speakerOnRoster: false }, 'no agent speaks fi or sv at level 1'],
    ['a skill missing', { missingSkill: { name: 'special-assistance', minLevel: 4 } }, 'no agent has skill special-assistance at level 4'],
    ['no agent of the kind', { agentKinds: ['staff'], kindOnRoster: false, speakerOnRoster: false }, 'no staff agent is on the roster'],
    ['all excluded', { onlyExcludedFit: true }, 'every agent who could take it was transferred away from it or did not answer in time'],
    ['no one with everything', {}, 'no agent speaks fi at level 3 and has every required skill'],
    ['any language, no one with everything', { languages: null }, 'no agent has every required skill'],
    ['any language, a skill missing', { languages: null, speakerOnRoster: false, missingSkill: { name: 'refunds', minLevel: 2 } }, 'no agent has skill refunds at level 2'],
  ])('%s', (_name, over, reason) => {
    expect(unroutableReason(gap(over))).toBe(reason);
  });
});
