import { describe, expect, it } from 'vitest';
import { emptyAccountForm, readAccountForm } from './account-form';

describe('readAccountForm', () => {
  const form = { ...emptyAccountForm(), name: 'Sam', email: ' sam@airline.test ', password: 'long-enough-1' };

  it('sends a manager without languages', () => {
    expect(readAccountForm({ ...form, role: 'incident_manager' })).toEqual({
      body: { name: 'Sam', email: 'sam@airline.test', password: 'long-enough-1', role: 'incident_manager' },
      errors: {},
    });
  });

  it("reads an agent's languages", () => {
    expect(readAccountForm({ ...form, languages: 'nl:5, en' }).body?.languages).toEqual([{ code: 'nl', level: 5 }, { code: 'en', level: 3 }]);
  });

  it('puts unreadable languages beside their field and sends nothing', () => {
    const { body, errors } = readAccountForm({ ...form, languages: 'dutch' });
    expect(body).toBeNull();
    expect(Object.keys(errors)).toEqual(['languages']);
  });
});
