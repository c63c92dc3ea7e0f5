import { Requirements } from './engine.types';

/** Requirements as the built-in default rule gives them for a German conversation, with overrides. */
export const requirementsFixture = (over: Partial<Requirements> = {}): Requirements => ({
  languages: ['de'],
  minLanguageLevel: 1,
  requiredSkills: [],
  agentKinds: ['staff', 'volunteer'],
  priority: 5,
  strategy: 'least_loaded',
  escalationStep: 0,
  nextStepAfterSeconds: null,
  reassignAfterSeconds: null,
  ...over,
});
