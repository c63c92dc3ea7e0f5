import { describe, expect, it } from 'vitest';
import { emptyRuleForm, errorsByField, formToBody, type Rule, ruleToForm } from './rule-form';

const RULE = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'refunds in German',
  order: 10,
  enabled: true,
  match: { channels: ['twitter'], languages: ['de'], keywordsAny: ['refund', 'money back'], hasFlightNumber: false, surgeOnly: true },
  route: {
    requiredSkills: [{ name: 'refunds', minLevel: 3 }],
    agentKinds: ['staff'],
    minLanguageLevel: 3,
    priority: 8,
    strategy: 'longest_idle',
    reassignAfterSeconds: 900,
    escalation: [{ afterSeconds: 600, dropSkills: true }],
    acknowledgeTemplateId: '22222222-2222-4222-8222-222222222222',
  },
  createdAt: '2026-12-02T10:00:00.000Z',
  updatedAt: '2026-12-02T10:00:00.000Z',
} as unknown as Rule;

describe('rule form', () => {
  it('reads a rule into the form and saves it back unchanged, template included', () => {
    const { body, errors } = formToBody(ruleToForm(RULE), RULE);
    expect(errors).toEqual({});
    const { id: _id, createdAt: _c, updatedAt: _u, ...saved } = RULE as unknown as Record<string, unknown>;
    expect(body).toEqual(saved);
  });

  it('leaves out what was not filled in: an empty match matches everything', () => {
    expect(formToBody({ ...emptyRuleForm(20), name: 'all' }).body).toEqual({ name: 'all', order: 20, enabled: true, match: {}, route: {} });
  });

  it('sends numbers as typed, so the service names what is wrong with them', () => {
    const { body } = formToBody({ ...emptyRuleForm(), name: 'x', priority: '11', order: 'first' });
    expect(body).toMatchObject({ order: 'first', route: { priority: 11 } });
  });

  it.each([
    [{ requiredSkills: 'Refunds!' }, 'requiredSkills'],
    [{ escalation: '[{afterSeconds: 600' }, 'escalation'],
  ])('refuses %o beside the field it cannot read', (change, field) => {
    const result = formToBody({ ...emptyRuleForm(), name: 'x', ...change });
    expect(result.body).toBeNull();
    expect(Object.keys(result.errors)).toEqual([field]);
  });

  it("puts each of the service's messages beside the field its path names", () => {
    expect(
      errorsByField([
        'route.priority must not be greater than 10',
        'route.escalation.1.afterSeconds must not be less than 1',
        'match.keywordsAny.0 must be shorter than or equal to 100 characters',
        'name must be longer than or equal to 1 characters',
        'route.acknowledgeTemplateId names no template',
        'a rule named "x" already exists',
      ]),
    ).toEqual({
      priority: ['route.priority must not be greater than 10'],
      escalation: ['route.escalation.1.afterSeconds must not be less than 1'],
      keywords: ['match.keywordsAny.0 must be shorter than or equal to 100 characters'],
      name: ['name must be longer than or equal to 1 characters'],
      general: ['route.acknowledgeTemplateId names no template', 'a rule named "x" already exists'],
    });
  });
});
