import { useMemo, useState } from 'react';
import { t } from '../i18n';
import { languageLabel } from '../shared/languages';
import { formatDateTime } from '../shared/time';
import { BackToConsole } from '../shared/ui/BackToConsole';
import { Feedback, messageOf } from '../shared/ui/Feedback';
import { Field } from '../shared/ui/Field';
import { localDateTimeToIso } from '../incidents/invites';
import { ANY_LANGUAGE, coverage, type Shift, startOfHour, toLocalInput } from './coverage';
import { ROSTER_HOURS, useRoster, useShifts } from './queries';
import { ShiftForm } from './ShiftForm';

const HOUR_MS = 3_600_000;
const languageName = (code: string) => (code === ANY_LANGUAGE ? t.roster.anyLanguage : languageLabel(code));

/** Coverage per language and hour (slots, scheduled, signed in, queued; gaps stand out), the shifts, and "New shift". */
export function RosterPage() {
  const [from, setFrom] = useState(() => toLocalInput(startOfHour(new Date())));
  const range = useMemo(() => {
    const start = localDateTimeToIso(from);
    return start ? { from: start, to: new Date(new Date(start).getTime() + ROSTER_HOURS * HOUR_MS).toISOString() } : null;
  }, [from]);
  const roster = useRoster(range);
  const shifts = useShifts(range);
  const [notice, setNotice] = useState<string | null>(null);
  const buckets = roster.data && shifts.data ? coverage(roster.data, shifts.data).filter((bucket) => bucket.rows.length) : null;

  return (
    <main id="main">
      <BackToConsole />
      <h1>{t.roster.title}</h1>
      <p className="hint">{t.roster.intro}</p>
      <Field
        label={t.roster.from}
        hint={t.roster.fromHint}
        className="narrow-field"
        render={(a11y) => <input {...a11y} type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />}
      />
      <Feedback error={messageOf(roster.error ?? shifts.error)} notice={notice} />
      {roster.data && <p>{t.roster.gapsSummary(roster.data.gaps.length)}</p>}
      {range === null ? (
        <p>{t.roster.errors.from}</p>
      ) : buckets === null ? (
        <p>{t.loading}</p>
      ) : buckets.length ? (
        <div className="table-scroll">
          <table>
            <caption>{t.roster.coverage}</caption>
            <thead>
              <tr>
                <th scope="col">{t.roster.hour}</th>
                <th scope="col">{t.roster.language}</th>
                <th scope="col">{t.roster.slots}</th>
                <th scope="col">{t.roster.scheduled}</th>
                <th scope="col">{t.roster.signedIn}</th>
                <th scope="col">{t.roster.queued}</th>
                <th scope="col">{t.roster.gap}</th>
              </tr>
            </thead>
            <tbody>
              {buckets.flatMap((bucket) =>
                bucket.rows.map((row) => (
                  <tr key={`${bucket.start}-${row.language}`} className={row.gap ? 'gap' : undefined}>
                    <th scope="row">{formatDateTime(bucket.start)}</th>
                    <td>{languageName(row.language)}</td>
                    <td>{t.roster.slotsOf(row.slots, row.openSlots)}</td>
                    <td>{row.scheduled}</td>
                    <td>{row.signedIn}</td>
                    <td>{row.queued}</td>
                    <td>{row.gap ? t.roster.gapQueued(row.queuedNow) : ''}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t.roster.noCoverage}</p>
      )}
      <ShiftForm onCreated={() => setNotice(t.roster.created)} onStart={() => setNotice(null)} />
      <section aria-labelledby="shifts-heading" className="panel">
        <h2 id="shifts-heading">{t.roster.shifts}</h2>
        {shifts.data?.length ? (
          <ul className="cards" aria-label={t.roster.shifts}>
            {shifts.data.map((shift) => (
              <ShiftItem key={shift.id} shift={shift} />
            ))}
          </ul>
        ) : (
          <p>{shifts.isPending ? t.loading : t.roster.noShifts}</p>
        )}
      </section>
    </main>
  );
}

function ShiftItem({ shift }: { shift: Shift }) {
  return (
    <li className="card">
      <p className="card-title">{t.roster.shiftLine(formatDateTime(shift.startsAt), formatDateTime(shift.endsAt))}</p>
      <p>
        {t.roster.claimedOf(shift.claimed, shift.slots)} · {t.roster.forLanguages(shift.languages.length ? shift.languages.map(languageLabel).join(', ') : t.roster.anyLanguage)}
        {shift.skills.length ? ` · ${t.roster.forSkills(shift.skills.join(', '))}` : ''}
      </p>
      {shift.claimedBy.length > 0 && <p className="meta">{t.roster.claimedBy(shift.claimedBy.map((claim) => claim.name).join(', '))}</p>}
    </li>
  );
}
