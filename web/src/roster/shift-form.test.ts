import { describe, expect, it } from 'vitest';
import { emptyShiftForm, readShiftForm, type ShiftForm } from './shift-form';

const form = (overrides: Partial<ShiftForm> = {}): ShiftForm => ({
  ...emptyShiftForm(),
  startsAt: '2026-12-02T10:00',
  endsAt: '2026-12-02T18:00',
  slots: '4',
  ...overrides,
});

describe('readShiftForm', () => {
  it('reads a shift with languages, skills and an incident', () => {
    const { body, errors } = readShiftForm(form({ languages: 'NL, fi, nl', skills: 'rebooking, refunds', incidentId: 'abc' }));
    expect(errors).toEqual({});
    expect(body).toEqual({
      startsAt: new Date('2026-12-02T10:00').toISOString(),
      endsAt: new Date('2026-12-02T18:00').toISOString(),
      slots: 4,
      languages: ['nl', 'fi'],
      skills: ['rebooking', 'refunds'],
      incidentId: 'abc',
    });
  });

  it('leaves out what was not given', () => {
    expect(readShiftForm(form()).body).toEqual({ startsAt: expect.any(String), endsAt: expect.any(String), slots: 4 });
  });

  it.each([
    [{ startsAt: '' }, 'startsAt'],
    [{ endsAt: 'soon' }, 'endsAt'],
    [{ endsAt: '2026-12-02T09:00' }, 'endsAt'],
    [{ endsAt: '2026-12-02T22:01' }, 'endsAt'],
    [{ slots: '' }, 'slots'],
    [{ slots: '501' }, 'slots'],
    [{ slots: '1.5' }, 'slots'],
    [{ languages: 'nl, xx' }, 'languages'],
    [{ skills: 'Refunds' }, 'skills'],
  ])('puts the error of %o beside %s and sends nothing', (overrides, field) => {
    const { body, errors } = readShiftForm(form(overrides));
    expect(body).toBeNull();
    expect(Object.keys(errors)).toEqual([field]);
  });
});
