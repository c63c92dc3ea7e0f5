import { randomUUID } from 'crypto';
import { TestApp } from '../support/test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

export interface TemplateView {
  id: string;
  name: string;
  variants: { language: string; text: string }[];
  updatedAt: string;
}

/** A fresh POST /templates body: a unique name, English and Dutch variants using every variable. */
export function newTemplateBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `Cancelled flight ${randomUUID().slice(0, 8)}`,
    variants: [
      { language: 'en', text: 'Dear {{passengerName}}, {{flightNumber}} is cancelled. Expected wait: {{estimatedWait}}. {{agentName}}' },
      { language: 'nl', text: 'Beste {{passengerName}}, {{flightNumber}} is geannuleerd. Wachttijd: {{estimatedWait}}. {{agentName}}' },
    ],
    ...overrides,
  };
}

export async function createTemplate(t: TestApp, managerToken: string, overrides: Record<string, unknown> = {}): Promise<TemplateView> {
  const response = await t.http().post('/api/v1/templates').set(auth(managerToken)).send(newTemplateBody(overrides)).expect(201);
  return response.body as TemplateView;
}
