import { Page } from 'playwright-core';
import { createAccount, SignedInAccount } from '../factories/accounts';
import { newMessage, signedIntake } from '../factories/intake';
import { ConsoleRun, logIn, newPage, PHONE, scrollWidth, seriousAccessibilityViolations, startConsoleWithManager } from './console-browser';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
/** "Within a few seconds of intake" (issue 10): generous on a busy machine. */
const FEW_SECONDS_MS = 10_000;

/** The cells of the live queue's row for a language, as text: [Language, Waiting, Longest wait, Agents available]. */
async function languageRow(page: Page, name: string): Promise<string[]> {
  const row = page.getByRole('table').getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  if ((await row.count()) === 0) return [];
  return (await row.getByRole('cell').allTextContents()).map((text) => text.trim());
}

async function rowBecomes(page: Page, name: string, matches: (cells: string[]) => boolean): Promise<string[]> {
  const deadline = Date.now() + FEW_SECONDS_MS;
  for (;;) {
    const cells = await languageRow(page, name);
    if (matches(cells)) return cells;
    if (Date.now() > deadline) throw new Error(`the ${name} row stayed ${JSON.stringify(cells)}`);
    await page.waitForTimeout(100);
  }
}

describe('console: the live queue', () => {
  let run: ConsoleRun;
  let adminToken: string;
  let manager: SignedInAccount;

  beforeAll(async () => {
    ({ run, adminToken, manager } = await startConsoleWithManager('Lou Manager'));
  });
  afterAll(async () => {
    await run?.close();
  });

  it("shows a language's waiting conversations within a few seconds of intake, and the agents who come for them, without reloading", async () => {
    const { page, context } = await newPage(run, PHONE);
    await logIn(page, manager.email, manager.password);
    await page.getByRole('link', { name: 'Live queue', exact: true }).click();
    const table = page.getByRole('table');
    await table.waitFor();
    for (const name of ['Language', 'Waiting', 'Longest wait', 'Agents available']) await table.getByRole('columnheader', { name, exact: true }).waitFor();
    expect(await languageRow(page, 'Finnish (fi)')).toEqual([]);
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));

    const first = await signedIntake(run.t, newMessage({ language: 'fi', text: 'Lentoni peruttiin.', from: { handle: '@aino', name: 'Aino' } })).expect(202);
    expect(await rowBecomes(page, 'Finnish (fi)', (cells) => cells[0] === '1')).toEqual(['1', expect.stringMatching(/^\d+ s$/), '0']);
    await page.getByRole('region', { name: 'Longest waiting', exact: true }).getByText('Aino (@aino)').waitFor({ timeout: FEW_SECONDS_MS });

    await signedIntake(run.t, newMessage({ language: 'fi', text: 'Missä laukkuni on?', from: { handle: '@eero' } })).expect(202);
    await rowBecomes(page, 'Finnish (fi)', (cells) => cells[0] === '2');

    // A Finnish speaker signs in: the event stream brings the change (one is assigned, one still waits).
    const speaker = await createAccount(run.t, adminToken, { role: 'agent', languages: [{ code: 'fi', level: 5 }], maxConcurrent: 1 });
    await run.t.http().post('/api/v1/me/sign-in').set(auth(speaker.token)).expect(200);
    await rowBecomes(page, 'Finnish (fi)', (cells) => cells[0] === '1');
    const detail = await run.t.http().get(`/api/v1/conversations/${first.body.conversationId}`).set(auth(adminToken)).expect(200);
    expect(detail.body).toMatchObject({ status: 'assigned', assignedAgentId: speaker.id });
    expect(navigations).toEqual([]);

    const chart = page.getByRole('figure', { name: 'Waiting conversations and median first response, per 10 minutes', exact: true });
    await chart.waitFor();
    expect(await chart.locator('canvas').count()).toBeGreaterThan(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/surgeline-console-live-queue-375.png', fullPage: true });
    await context.close();
  });

  it('draws the last hours from the service, with the chart summarised in words', async () => {
    const { page, context } = await newPage(run);
    await logIn(page, manager.email, manager.password);
    await page.goto('/live-queue');
    const history = await run.t.http().get('/api/v1/stats/history').query({ hours: 6, bucketMinutes: 10 }).set(auth(adminToken)).expect(200);
    const now = history.body.points[history.body.points.length - 1].waiting;
    await page.getByText(new RegExp(`^Waiting now: ${now}; at most \\d+ in this period\\.`)).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/surgeline-console-live-queue.png', fullPage: true });
    await context.close();
  });
});
