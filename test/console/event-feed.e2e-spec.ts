import { SignedInAccount } from '../factories/accounts';
import { activateSurge, createIncident } from '../factories/incidents';
import { ConsoleRun, logIn, newPage, PHONE, scrollWidth, seriousAccessibilityViolations, startConsoleWithManager } from './console-browser';

/** Live events show "within a few seconds": generous on a busy machine. */
const LIVE_MS = 10_000;

describe('console: the event feed', () => {
  let run: ConsoleRun;
  let adminToken: string;
  let manager: SignedInAccount;

  beforeAll(async () => {
    ({ run, adminToken, manager } = await startConsoleWithManager());
  });
  afterAll(async () => {
    await run?.close();
  });

  it('shows the audit trail filtered by type, and new events of that type as they happen, without reloading', async () => {
    const earlier = await createIncident(run.t, adminToken);
    const { page, context } = await newPage(run, PHONE);
    await logIn(page, manager.email, manager.password);
    await page.getByRole('link', { name: 'Event feed', exact: true }).click();
    await page.getByRole('heading', { name: 'Event feed', exact: true }).waitFor();
    const feed = page.getByRole('list', { name: 'Events, newest first', exact: true });
    await feed.getByRole('listitem').filter({ hasText: `incident ${earlier.id}` }).waitFor();

    await page.getByLabel('Type', { exact: true }).selectOption('surge.activated');
    await page.getByText('No events of this type yet. New ones appear here by themselves.', { exact: true }).waitFor();
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));

    const incident = await createIncident(run.t, adminToken);
    await activateSurge(run.t, adminToken, incident.id);
    const activated = feed.getByRole('listitem').filter({ hasText: `incident ${incident.id}` });
    await activated.waitFor({ timeout: LIVE_MS });
    expect(await activated.getByText('surge.activated', { exact: true }).count()).toBe(1);
    // The incident's creation is another type: the filter keeps it out.
    expect(await feed.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('surge.activated')]);
    expect(navigations).toEqual([]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Type', { exact: true }).selectOption('');
    await feed.getByRole('listitem').filter({ hasText: 'incident.created' }).first().waitFor();
    await context.close();
  });
});
