import { Page } from 'playwright-core';
import { createAccount, SignedInAccount } from '../factories/accounts';
import { newMessage, signedIntake } from '../factories/intake';
import { ConsoleRun, logIn, newPage, seriousAccessibilityViolations, startConsoleWithManager } from './console-browser';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const FOR_MANAGERS = 'This screen is for incident managers and admins.';
/** A small replay (a few hundred conversations over six hours) ends in seconds; generous on a busy machine. */
const REPLAY_MS = 60_000;

/** The cells of the plan table's rows for a language, as text: [Hour, Forecast, Needed, Scheduled, Shortfall, Predicted]. */
async function planRows(page: Page, name: string): Promise<string[][]> {
  const rows = page.getByRole('table').getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  const cells: string[][] = [];
  for (const row of await rows.all()) cells.push((await row.getByRole('cell').allTextContents()).map((text) => text.trim()));
  return cells;
}

describe('console: planning a surge', () => {
  let run: ConsoleRun;
  let adminToken: string;
  let manager: SignedInAccount;

  beforeAll(async () => {
    ({ run, adminToken, manager } = await startConsoleWithManager('Pia Manager'));
  });
  afterAll(async () => {
    await run?.close();
  });

  it("shows the staffing plan per language and hour, then replays a small surge until done, with its figures and chart", async () => {
    await signedIntake(run.t, newMessage({ language: 'fi', text: 'Lentoni peruttiin.', from: { handle: '@aino' } })).expect(202);
    const plan = (await run.t.http().get('/api/v1/staffing/plan').set(auth(manager.token)).expect(200)).body;
    const finnish = plan.buckets[0].languages.find((l: { language: string }) => l.language === 'fi');
    expect(finnish.shortfall).toBeGreaterThan(0);

    const { page, context } = await newPage(run);
    await logIn(page, manager.email, manager.password);
    await page.getByRole('link', { name: 'Planning', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Planning', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/planning');

    const table = page.getByRole('table');
    await table.waitFor();
    for (const name of ['Hour', 'Language', 'Forecast conversations', 'Agents needed', 'Scheduled', 'Shortfall', 'Predicted within SLA']) {
      await table.getByRole('columnheader', { name, exact: true }).waitFor();
    }
    const rows = await planRows(page, 'Finnish (fi)');
    expect(rows).toHaveLength(plan.buckets.length);
    expect(rows[0].slice(1)).toEqual([
      String(finnish.forecastArrivals),
      String(finnish.neededAgents),
      String(finnish.scheduledAgents),
      String(finnish.shortfall),
      `${(Math.round(finnish.predictedAttainment * 1000) / 10).toFixed(1)}%`,
    ]);
    const invite = plan.invites.find((i: { language: string }) => i.language === 'fi');
    await page.getByRole('list', { name: 'Invites to send', exact: true }).getByText(`Finnish (fi): ${invite.volunteers} volunteer`, { exact: false }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // A replay of 300 conversations over six hours.
    const started: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/simulations') started.push(request.postData() ?? '');
    });
    await page.getByLabel('Conversations', { exact: true }).fill('300');
    await page.getByLabel('Hours', { exact: true }).fill('6');
    await page.getByRole('button', { name: 'Start replay', exact: true }).click();
    await page.getByRole('heading', { name: 'Replay result', exact: true }).waitFor({ timeout: REPLAY_MS });
    expect(started).toHaveLength(1);
    expect(JSON.parse(started[0])).toMatchObject({ staffing: 'scenario', scenario: { hours: 6, arrivals: expect.objectContaining({ total: 300 }) } });

    const figures = page.getByRole('definition');
    expect((await figures.allTextContents()).length).toBeGreaterThanOrEqual(8);
    const figure = async (term: string) =>
      Number(await page.locator('.facts div').filter({ has: page.getByRole('term').getByText(term, { exact: true }) }).locator('dd').textContent());
    const [answered, abandoned] = [await figure('Answered'), await figure('Abandoned')];
    expect(answered + abandoned).toBe(300);

    const chart = page.getByRole('img', { name: /^Chart of the replay per hour: conversations queued, agents on duty and p90 first response\. At most \d+ queued;/ });
    await chart.waitFor();
    await page.waitForFunction("document.querySelector('.replay-chart img')?.complete === true");
    expect(await page.evaluate("document.querySelector('.replay-chart img').naturalWidth")).toBeGreaterThan(0);
    const src = await chart.getAttribute('src');
    expect(src).toMatch(/^\/api\/v1\/simulations\/[0-9a-f-]{36}\/chart\.svg$/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/surgeline-console-planning.png', fullPage: true });
    await context.close();
  }, 120_000);

  it('keeps agents out, and the API refuses them', async () => {
    const agent = await createAccount(run.t, adminToken, { role: 'agent', name: 'Ada Agent' });
    const { page, context } = await newPage(run);
    await logIn(page, agent.email, agent.password);
    expect((await page.goto('/planning'))?.status()).toBe(200);
    await page.getByText(FOR_MANAGERS, { exact: true }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(0);
    expect(await page.getByRole('button').allTextContents()).toEqual(['Log out']);
    expect((await context.request.get(`${run.baseUrl}/api/v1/staffing/plan`)).status()).toBe(403);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
