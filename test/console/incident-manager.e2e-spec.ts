import { randomUUID } from 'crypto';
import { Page } from 'playwright-core';
import { SignedInAccount } from '../factories/accounts';
import { createIncident, deactivateSurge } from '../factories/incidents';
import { ConsoleRun, logIn, newPage, PHONE, scrollWidth, seriousAccessibilityViolations, startConsoleWithManager } from './console-browser';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The page never needs horizontal scrolling at its width and has no serious accessibility violation. */
async function screenIsUsable(page: Page): Promise<void> {
  expect(await scrollWidth(page)).toBeLessThanOrEqual(page.viewportSize()!.width);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

/** A `datetime-local` value (the browser's time zone is the test's: UTC) this many hours ahead, to the minute. */
function localDateTimeIn(hours: number): string {
  const at = new Date(Date.now() + hours * 3_600_000);
  at.setUTCSeconds(0, 0);
  return at.toISOString().slice(0, 16);
}

describe('console: an incident manager runs incidents, the surge and invites', () => {
  let run: ConsoleRun;
  let adminToken: string;
  let manager: SignedInAccount;
  const incidentName = `Ash cloud ${randomUUID().slice(0, 8)}`;
  let incidentId: string;
  let inviteLink: string;

  beforeAll(async () => {
    ({ run, adminToken, manager } = await startConsoleWithManager('Ines Manager'));
  });
  afterAll(async () => {
    await run?.close();
  });

  const incidentView = async (id: string) => (await run.t.http().get(`/api/v1/incidents/${id}`).set(auth(adminToken)).expect(200)).body;

  it('creates an incident, switches its surge on through the dialog, creates an invite whose link enrolls a volunteer', async () => {
    const { page, context } = await newPage(run);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: run.baseUrl });
    await logIn(page, manager.email, manager.password);
    await page.getByRole('link', { name: 'Incidents', exact: true }).click();
    await page.getByRole('heading', { name: 'Incidents', exact: true }).waitFor();
    await page.getByRole('button', { name: 'New incident', exact: true }).click();
    await page.getByLabel('Name', { exact: true }).fill(incidentName);
    await screenIsUsable(page);
    await page.getByRole('button', { name: 'Create', exact: true }).click();

    await page.getByRole('heading', { name: incidentName, exact: true }).waitFor();
    incidentId = new URL(page.url()).pathname.split('/').pop()!;
    expect(new URL(page.url()).pathname).toBe(`/incidents/${incidentId}`);
    expect(await incidentView(incidentId)).toMatchObject({ name: incidentName, status: 'open', surgeActive: false });
    await page.getByRole('region', { name: 'Surge history', exact: true }).waitFor();
    await screenIsUsable(page);

    // Nothing changes before "Confirm".
    await page.getByRole('button', { name: 'Activate surge', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await screenIsUsable(page);
    expect((await incidentView(incidentId)).surgeActive).toBe(false);
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await incidentView(incidentId)).surgeActive).toBe(false);

    await page.getByRole('button', { name: 'Activate surge', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Surge is on.' }).waitFor();
    await page.getByRole('button', { name: 'Deactivate surge', exact: true }).waitFor();
    const activated = await incidentView(incidentId);
    expect(activated.surgeActive).toBe(true);
    expect(activated.surgeHistory).toEqual([expect.objectContaining({ action: 'activated', actorId: manager.id })]);
    await page.getByRole('region', { name: 'Surge history', exact: true }).getByText('Surge switched on by Ines Manager').waitFor();

    await page.getByRole('button', { name: 'Create invite', exact: true }).click();
    await page.getByLabel('Max uses', { exact: true }).fill('5');
    await page.getByLabel('Expires at', { exact: true }).fill(localDateTimeIn(6));
    const autoApprove = page.getByRole('checkbox', { name: 'Auto-approve', exact: true });
    expect(await autoApprove.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Create', exact: true }).click();

    const link = page.getByRole('textbox', { name: 'Invite link', exact: true });
    await link.waitFor();
    expect(await link.getAttribute('readonly')).not.toBeNull();
    inviteLink = await link.inputValue();
    expect(inviteLink).toMatch(new RegExp(`^${run.baseUrl.replace(/[.]/g, '\\.')}/join/[A-Za-z0-9]+$`));
    await expect(page.getByText('5 of 5', { exact: true }).count()).resolves.toBe(1);
    const qr = page.getByRole('img', { name: 'QR code for the invite link', exact: true });
    await qr.waitFor();
    const size = await qr.evaluate((image: { complete: boolean; naturalWidth: number; naturalHeight: number }) => (image.complete ? [image.naturalWidth, image.naturalHeight] : null));
    expect(size?.[0]).toBeGreaterThan(0);
    expect(size?.[1]).toBe(size?.[0]);
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Invite link copied.' }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(inviteLink);
    await screenIsUsable(page);
    await page.screenshot({ path: '/tmp/surgeline-console-incident.png', fullPage: true });

    // A volunteer opens the link shown, in a browser of their own, on a phone.
    const volunteer = await newPage(run, PHONE);
    const email = `vol-${randomUUID().slice(0, 8)}@example.org`;
    expect((await volunteer.page.goto(inviteLink))?.status()).toBe(200);
    await volunteer.page.getByLabel('Name', { exact: true }).fill('Vic Volunteer');
    await volunteer.page.getByLabel('Email', { exact: true }).fill(email);
    await volunteer.page.getByLabel('Password', { exact: true }).fill('correct-horse-battery');
    await volunteer.page.getByLabel('Language', { exact: true }).selectOption('fr');
    await volunteer.page.getByLabel('Level', { exact: true }).selectOption('5');
    await volunteer.page.getByRole('button', { name: 'Join', exact: true }).click();
    await volunteer.page.getByRole('heading', { name: 'Desk', exact: true }).waitFor();
    const agents = await run.t.http().get('/api/v1/agents').query({ kind: 'volunteer' }).set(auth(adminToken)).expect(200);
    expect(agents.body.items.filter((agent: { email: string }) => agent.email === email)).toEqual([
      expect.objectContaining({ name: 'Vic Volunteer', status: 'active', languages: [{ code: 'fr', level: 5 }] }),
    ]);
    await volunteer.context.close();

    // The invite stays on the incident's page, its uses counted by the service.
    await page.reload();
    const invite = page.getByRole('listitem').filter({ has: page.getByRole('textbox', { name: 'Invite link', exact: true }) });
    await invite.getByText('4 of 5', { exact: true }).waitFor();
    expect(await invite.getByRole('textbox', { name: 'Invite link', exact: true }).inputValue()).toBe(inviteLink);
    await invite.getByRole('img', { name: 'QR code for the invite link', exact: true }).waitFor();
    await context.close();
  });

  it("says in words why a second incident's surge cannot start, and changes nothing", async () => {
    const other = await createIncident(run.t, adminToken, { name: `Strike ${randomUUID().slice(0, 8)}` });
    const { page, context } = await newPage(run, PHONE);
    await logIn(page, manager.email, manager.password);
    await page.goto(`/incidents/${other.id}`);
    await page.getByRole('heading', { name: other.name, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Activate surge', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: `Not done: incident "${incidentName}" (${incidentId}) has its surge active` }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('button', { name: 'Activate surge', exact: true }).waitFor();
    expect((await incidentView(other.id)).surgeActive).toBe(false);
    await screenIsUsable(page);
    await context.close();
  });

  it('closes an incident once its surge is off, from the list to its page', async () => {
    await deactivateSurge(run.t, adminToken, incidentId);
    const { page, context } = await newPage(run);
    await logIn(page, manager.email, manager.password);
    await page.goto('/incidents');
    await page.getByRole('link', { name: incidentName, exact: true }).click();
    await page.getByRole('region', { name: 'Surge history', exact: true }).getByText('Surge switched off by').waitFor();
    await page.getByRole('button', { name: 'Close incident', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Incident closed.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Activate surge', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Create invite', exact: true }).count()).toBe(0);
    expect((await incidentView(incidentId)).status).toBe('closed');
    await context.close();
  });
});
