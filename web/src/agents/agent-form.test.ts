import { describe, expect, it } from 'vitest';
import { agentToForm, parseLanguageLevels, readAgentForm } from './agent-form';

describe('parseLanguageLevels', () => {
  it.each([
    ['nl:5, en:4', [{ code: 'nl', level: 5 }, { code: 'en', level: 4 }]],
    ['DE', [{ code: 'de', level: 3 }]],
    ['', []],
    ['xx:5', null],
    ['nl:6', null],
    ['nl:two', null],
  ])('%j', (text, expected) => {
    expect(parseLanguageLevels(text)).toEqual(expected);
  });
});

describe('the agent form', () => {
  const agent = { languages: [{ code: 'nl', level: 5 }], skills: [{ name: 'refunds', level: 3 }], maxConcurrent: 4 };

  it('round-trips an agent', () => {
    const form = agentToForm(agent);
    expect(form).toEqual({ languages: 'nl:5', skills: 'refunds:3', maxConcurrent: '4' });
    expect(readAgentForm(form)).toEqual({ body: agent, errors: {} });
  });

  it('sends a capacity out of range for the service to judge', () => {
    expect(readAgentForm({ ...agentToForm(agent), maxConcurrent: '25' }).body?.maxConcurrent).toBe(25);
  });

  it('names each field it cannot read', () => {
    const { body, errors } = readAgentForm({ languages: 'nl:9', skills: 'Refunds!', maxConcurrent: 'many' });
    expect(body).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['languages', 'maxConcurrent', 'skills']);
  });
});
