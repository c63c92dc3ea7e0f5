import { createAccount, SignedInAccount } from '../factories/accounts';
import { pollUntil } from '../factories/conversations';
import { newMessage, signedIntake } from '../factories/intake';
import { ConsoleRun, logIn, newPage, PHONE, scrollWidth, seriousAccessibilityViolations, startConsoleWithManager } from './console-browser';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const HOUR = 3_600_000;

/** A `datetime-local` value in this process's time zone (TZ=UTC, as the browser it starts). */
function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

describe('console: the roster shows coverage per hour and language, and a shift created in the browser appears in it', () => {
  let run: ConsoleRun;
  let adminToken: string;
  let manager: SignedInAccount;
  let finn: SignedInAccount;

  beforeAll(async () => {
    ({ run, adminToken, manager } = await startConsoleWithManager());
    finn = await createAccount(run.t, adminToken, { role: 'agent', name: 'Finn Finnish', languages: [{ code: 'fi', level: 5 }] });
    // Work in Finnish and nobody scheduled who speaks it: a gap in every hour.
    await signedIntake(run.t, newMessage({ language: 'fi', text: 'Lentoni peruttiin, mitä nyt?' })).expect(202);
  });
  afterAll(async () => {
    await run?.close();
  });

  it('refuses a wrong shift beside its fields, creates a good one, and shows its slots, its claim and the gaps per hour', async () => {
    const start = new Date(Math.ceil(Date.now() / HOUR) * HOUR + 2 * HOUR);
    const { page, context } = await newPage(run);
    await logIn(page, manager.email, manager.password);
    await page.getByRole('link', { name: 'Roster', exact: true }).click();
    await page.getByRole('heading', { name: 'Roster', exact: true }).waitFor();
    const table = page.getByRole('table', { name: 'Coverage', exact: true });
    /** The coverage rows of one language as [slots (open), scheduled, signed in, queued, gap]. */
    const rowsOf = async (language: string) => {
      const rows = await table.getByRole('row').filter({ has: page.getByRole('cell', { name: language, exact: true }) }).all();
      return Promise.all(rows.map(async (row) => (await row.getByRole('cell').allTextContents()).slice(1).map((cell) => cell.trim())));
    };
    await pollUntil(() => rowsOf('Finnish (fi)'), (rows) => rows.length > 0);
    expect((await rowsOf('Finnish (fi)')).every((row) => row[4] === 'gap: 1 waiting now')).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Checked in the browser before anything is sent: each message beside its field.
    await page.getByLabel('Starts at', { exact: true }).fill(localInput(start));
    await page.getByLabel('Ends at', { exact: true }).fill(localInput(new Date(start.getTime() - HOUR)));
    await page.getByLabel('Slots', { exact: true }).fill('0');
    await page.getByLabel('Languages', { exact: true }).fill('fi, xx');
    await page.getByRole('button', { name: 'Create shift', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'The shift was not created' }).waitFor();
    for (const [label, message] of [['Ends at', 'Ends at must be after Starts at.'], ['Slots', 'Slots must be a whole number from 1 to 500.'], ['Languages', 'Not ISO 639-1 codes: xx.']]) {
      const field = page.getByLabel(label, { exact: true });
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      await page.locator(`[id="${await field.getAttribute('aria-describedby')}"]`).filter({ hasText: message }).waitFor();
    }
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    const shiftsNow = async () =>
      (await run.t.http().get('/api/v1/shifts').query({ from: start.toISOString(), to: new Date(start.getTime() + 2 * HOUR).toISOString() }).set(auth(manager.token)).expect(200)).body.items;
    expect(await shiftsNow()).toEqual([]);

    // Corrected, it is created as typed.
    await page.getByLabel('Ends at', { exact: true }).fill(localInput(new Date(start.getTime() + 2 * HOUR)));
    await page.getByLabel('Slots', { exact: true }).fill('3');
    await page.getByLabel('Languages', { exact: true }).fill('fi');
    await page.getByRole('button', { name: 'Create shift', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Shift created.' }).waitFor();
    const [shift] = await shiftsNow();
    expect(shift).toMatchObject({ slots: 3, claimed: 0, languages: ['fi'], startsAt: start.toISOString() });

    // Two hours of three open slots for Finnish, still gaps (nobody has claimed them).
    await pollUntil(() => rowsOf('Finnish (fi)'), (rows) => rows.filter((row) => row[0] === '3 (3)').length === 2);
    expect((await rowsOf('Finnish (fi)')).filter((row) => row[0] === '3 (3)')).toEqual([
      ['3 (3)', '0', '0', '0', 'gap: 1 waiting now'],
      ['3 (3)', '0', '0', '0', 'gap: 1 waiting now'],
    ]);
    await page.getByRole('list', { name: 'Scheduled shifts', exact: true }).getByRole('listitem').filter({ hasText: '0 of 3 slots claimed' }).waitFor();

    // A Finnish speaker claims it: scheduled in those hours, the gap closed there.
    await run.t.http().post(`/api/v1/shifts/${shift.id}/claim`).set(auth(finn.token)).expect(200);
    await page.reload();
    await pollUntil(() => rowsOf('Finnish (fi)'), (rows) => rows.filter((row) => row[0] === '3 (2)').length === 2);
    expect((await rowsOf('Finnish (fi)')).filter((row) => row[0] === '3 (2)')).toEqual([
      ['3 (2)', '1', '0', '0', ''],
      ['3 (2)', '1', '0', '0', ''],
    ]);
    await page.getByRole('list', { name: 'Scheduled shifts', exact: true }).getByRole('listitem').filter({ hasText: 'Claimed by Finn Finnish' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.setViewportSize(PHONE);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });
});
