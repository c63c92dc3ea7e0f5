import { randomUUID } from 'crypto';
import { TestApp } from '../support/test-app';

/** Routing rules, arranged through the admin API only. */

export interface RuleView {
  id: string;
  name: string;
  order: number;
  enabled: boolean;
  match: Record<string, unknown>;
  route: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export type RuleChange = RuleView & { version: number };

/** A fresh, valid POST /routing/rules body exercising every part of the rule shape. */
export function newRuleBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `medical and minors first ${randomUUID().slice(0, 8)}`,
    order: 10,
    enabled: true,
    match: {
      channels: ['twitter', 'facebook'],
      languages: ['de', 'nl'],
      keywordsAny: ['wheelchair', 'medical', 'unaccompanied'],
      hasFlightNumber: true,
      surgeOnly: true,
    },
    route: {
      requiredSkills: [{ name: 'special-assistance', minLevel: 3 }],
      agentKinds: ['staff', 'volunteer'],
      minLanguageLevel: 3,
      priority: 8,
      strategy: 'least_loaded',
      reassignAfterSeconds: 900,
      escalation: [
        { afterSeconds: 600, priority: 9 },
        { afterSeconds: 1200, dropSkills: true },
        { afterSeconds: 1800, fallbackLanguages: ['en'] },
      ],
    },
    ...overrides,
  };
}

export async function createRule(
  t: TestApp,
  adminToken: string,
  overrides: Record<string, unknown> = {},
): Promise<RuleChange> {
  const response = await t
    .http()
    .post('/api/v1/routing/rules')
    .set('Authorization', `Bearer ${adminToken}`)
    .send(newRuleBody(overrides))
    .expect(201);
  return response.body as RuleChange;
}
