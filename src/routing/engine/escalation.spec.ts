import { nextEscalationAt, reassignAt } from './escalation';
import { requirementsFixture } from './requirements.fixture';

const RECEIVED_AT = new Date('2026-11-22T10:00:00.000Z');

const requirements = requirementsFixture;

describe('nextEscalationAt', () => {
  it.each<[number | null, string | null]>([
    [null, null],
    [0, '2026-11-22T10:00:00.000Z'],
    [600, '2026-11-22T10:10:00.000Z'],
    [1800, '2026-11-22T10:30:00.000Z'],
    [86400, '2026-11-23T10:00:00.000Z'],
  ])('next step after %p s → %p', (nextStepAfterSeconds, expected) => {
    const due = nextEscalationAt(requirements({ nextStepAfterSeconds }), RECEIVED_AT);
    expect(due ? due.toISOString() : null).toBe(expected);
  });
});

describe('reassignAt', () => {
  it.each<[number | null, string | null]>([
    [null, null],
    [900, '2026-11-22T10:15:00.000Z'],
  ])('reassign after %p s → %p', (reassignAfterSeconds, expected) => {
    const due = reassignAt(requirements({ reassignAfterSeconds }), RECEIVED_AT);
    expect(due ? due.toISOString() : null).toBe(expected);
  });
});
