import { Browser, chromium, Page } from 'playwright-core';
import { loginAdmin } from '../factories/accounts';
import { activateSurge, createIncident } from '../factories/incidents';
import { agentOnDuty, answeredAfter, received, waitForStatus } from '../stats/stats-arrangement';
import { startTestApp, TestApp } from '../support/test-app';

const CHROMIUM = '/usr/bin/chromium';

/** The page's own formatting, restated: 45 → "45 s", 125 → "2 min 5 s", 3720 → "1 h 2 min". */
function duration(seconds: number | null): string {
  if (seconds === null) return '–';
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}

/**
 * The public status page in a real (headless) Chromium against the running app: the figures it
 * shows are the ones GET /api/v1/stats/live returns, and it refreshes them by itself.
 */
describe('/status page', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;
  let incidentName: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = await t.app.getUrl();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage();

    // Known figures: SLA 5 min; first replies after 60, 90 and 120 s (p50 90 s, p90 120 s);
    // one Dutch passenger waiting 10 minutes (a miss): attainment 3 / 4.
    const adminToken = await loginAdmin(t);
    const incident = await createIncident(t, adminToken, { slaMinutes: 5 });
    incidentName = incident.name;
    await activateSurge(t, adminToken, incident.id);
    for (const seconds of [60, 90, 120]) {
      const intake = await received(t, 20 * 60, { language: 'de' });
      await answeredAfter(t, intake.conversationId, seconds, true);
    }
    await received(t, 10 * 60, { language: 'nl' });
    await agentOnDuty(t, adminToken, 'sv');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const text = async (selector: string) => (await page.locator(selector).textContent())?.trim();
  const live = async () => (await (await fetch(`${baseUrl}/api/v1/stats/live`)).json()) as any;

  /** Reads the page and the API until both show the same computation (the API caches for 5 s). */
  async function pageAndApiAgree(): Promise<any> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const stats = await live();
      const shown = await page.locator('#updated').getAttribute('data-updated-at');
      if (shown === stats.updatedAt) return stats;
      // A locator, not waitForFunction: the page's Content-Security-Policy forbids the eval it needs.
      await page.locator(`#updated[data-updated-at]:not([data-updated-at=${JSON.stringify(shown)}])`).waitFor({ timeout: 10_000 });
    }
    throw new Error('the page never showed the figures the API returned');
  }

  it('is served at /status, outside the API prefix, as HTML', async () => {
    const response = await page.goto(`${baseUrl}/status?refresh=1`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toMatch(/text\/html/);
    expect(await page.title()).toBe('Surgeline live status');
  });

  it('shows the numbers the API returns', async () => {
    await page.waitForSelector('#updated[data-updated-at]');
    const stats = await pageAndApiAgree();

    expect(await text('#incident')).toBe(`Surge active: ${incidentName}`);
    expect(await text('#queued')).toBe(String(stats.queued));
    expect(await text('#agents-available')).toBe(String(stats.agentsAvailable));
    expect(await text('#longest-wait')).toBe(duration(stats.longestWaitSeconds));
    expect(await text('#p50')).toBe(duration(stats.firstResponse.p50Seconds));
    expect(await text('#p90')).toBe(duration(stats.firstResponse.p90Seconds));
    expect(await text('#sla')).toBe(`${stats.slaMinutes} min`);

    // And those are the known figures of the arrangement.
    expect(await text('#queued')).toBe('1');
    expect(await text('#agents-available')).toBe('1');
    expect(await text('#p50')).toBe('1 min 30 s');
    expect(await text('#p90')).toBe('2 min 0 s');
    expect(await text('#sla')).toBe('5 min');
    expect(await text('#attainment')).toBe('75.0 %');
    expect(await page.locator('#p90').getAttribute('class')).toBe('within-sla');
    expect(await page.locator('#longest-wait').getAttribute('class')).toBe('over-sla');
  });

  it('shows one row per language with the API figures', async () => {
    const stats = await pageAndApiAgree();
    const rows = page.locator('#languages tr');
    const shownLanguages: (string | null)[] = [];
    for (let index = 0; index < (await rows.count()); index++) shownLanguages.push(await rows.nth(index).getAttribute('data-language'));
    expect(shownLanguages).toEqual(stats.byLanguage.map((row: { language: string }) => row.language));
    for (const figures of stats.byLanguage) {
      const row = page.locator(`#languages tr[data-language="${figures.language}"]`);
      expect(await row.locator('[data-field="queued"]').textContent()).toBe(String(figures.queued));
      expect(await row.locator('[data-field="agents-available"]').textContent()).toBe(String(figures.agentsAvailable));
      expect(await row.locator('[data-field="longest-wait"]').textContent()).toBe(duration(figures.longestWaitSeconds));
    }
    expect(await page.locator('#languages tr[data-language="nl"] [data-field="name"]').textContent()).toBe('Dutch (nl)');
  });

  it('refreshes itself when the figures change', async () => {
    const intake = await received(t, 30, { language: 'sv' });
    await waitForStatus(t, intake.conversationId, 'assigned');
    await received(t, 30, { language: 'nl' });
    await page.locator('#queued', { hasText: /^2$/ }).waitFor({ timeout: 20_000 });
    const stats = await pageAndApiAgree();
    expect(stats.queued).toBe(2);
    expect(await text('#queued')).toBe('2');
    await page.screenshot({ path: '/tmp/surgeline-status-page.png', fullPage: true });
  });
});
