import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { queryClient } from '../api/query-client';
import { t } from '../i18n';
import { languageLabel } from '../shared/languages';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { ME_KEY, type Me, type Shift, SHIFTS_KEY, useShifts, useSurge } from './queries';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const until = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

function sameDay(a: Date, b: Date): boolean {
  return a.toDateString() === b.toDateString();
}

function period(shift: Shift): string {
  const start = new Date(shift.startsAt);
  const end = new Date(shift.endsAt);
  return `${when.format(start)} – ${(sameDay(start, end) ? until : when).format(end)}`;
}

/** Open shifts of the volunteer's incident (and those for every incident), plus the ones it claimed. */
export function Shifts({ me }: { me: Me }) {
  const shifts = useShifts(true);
  const surge = useSurge();
  const [notice, setNotice] = useState<string | null>(null);
  const claimedIds = new Set(me.claimedShifts.map((shift) => shift.id));
  const incident = surge.data?.incident ?? null;

  const mutation = useMutation({
    mutationFn: async ({ id, claim }: { id: string; claim: boolean }) => {
      if (claim) unwrap(await api.POST('/api/v1/shifts/{id}/claim', { params: { path: { id } } }));
      else unwrap(await api.DELETE('/api/v1/shifts/{id}/claim', { params: { path: { id } } }));
      return claim;
    },
    onMutate: () => setNotice(null),
    onSuccess: (claim) => setNotice(claim ? t.desk.shiftClaimed : t.desk.shiftReleased),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: SHIFTS_KEY }),
        queryClient.invalidateQueries({ queryKey: ME_KEY, exact: true }),
      ]);
    },
  });

  const mine = (shift: Shift) => claimedIds.has(shift.id) || shift.claimedBy.length > 0;
  const listed = (shifts.data ?? []).filter(
    (shift) => (shift.incidentId === null || shift.incidentId === incident?.id) && (mine(shift) || shift.claimed < shift.slots),
  );

  return (
    <section aria-labelledby="shifts-heading" className="panel">
      <h2 id="shifts-heading">{t.desk.shifts}</h2>
      <p className="hint">{t.desk.shiftsIntro}</p>
      {shifts.isPending ? (
        <p>{t.loading}</p>
      ) : listed.length === 0 ? (
        <p>{t.desk.noShifts}</p>
      ) : (
        <ul className="cards">
          {listed.map((shift) => {
            const claimed = mine(shift);
            return (
              <li key={shift.id} className="card">
                <p className="card-title">{shift.incidentId && incident ? incident.name : t.desk.generalShift}</p>
                <p>{period(shift)}</p>
                <p>{t.desk.freeSlots(shift.slots - shift.claimed, shift.slots)}</p>
                <p>{shift.languages.length ? t.desk.languagesWanted(shift.languages.map(languageLabel).join(', ')) : t.desk.anyLanguage}</p>
                {claimed && <p className="badge">{t.desk.claimed}</p>}
                <button type="button" onClick={() => mutation.mutate({ id: shift.id, claim: !claimed })} disabled={mutation.isPending}>
                  {claimed ? t.desk.release : t.desk.claim}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <Feedback error={messageOf(mutation.error ?? shifts.error)} notice={notice} />
    </section>
  );
}
