import { Server } from 'http';
import { BrowserContext, Page } from 'playwright-core';
import { createAccount, DEFAULT_PASSWORD, loginAdmin, SignedInAccount, uniqueEmail } from '../factories/accounts';
import { activateSurge, createIncident, createInvite, enrollVolunteer } from '../factories/incidents';
import { newMessage, signedIntake } from '../factories/intake';
import { createShift, minutesFromNow } from '../factories/shifts';
import { TEST_ADMIN } from '../support/test-app';
import { ConsoleRun, DESKTOP, logIn, newPage, PHONE, scrollWidth, seriousAccessibilityViolations, startConsole } from './console-browser';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
/** A session that ends shows the log-in form within 10 s on any open screen (console.md). */
const SESSION_END_MS = 10_000;
const HOSTILE_TEXT = '<img src=x onerror=alert(1)>';

async function showsLogInForm(page: Page, timeout = SESSION_END_MS): Promise<void> {
  await page.getByRole('button', { name: 'Log in', exact: true }).waitFor({ timeout });
  await page.getByLabel('Email', { exact: true }).waitFor({ timeout: 1000 });
  expect(await page.getByRole('button', { name: 'Log out', exact: true }).count()).toBe(0);
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

/** The cookie session's view of GET /auth/session, read with the browser's own cookies. */
async function sessionStatus(context: BrowserContext, baseUrl: string): Promise<number> {
  const response = await context.request.get(`${baseUrl}/api/v1/auth/session`);
  return response.status();
}

describe('console: sessions, staff desk, passenger text and accessibility', () => {
  let run: ConsoleRun;
  let adminToken: string;
  let staff: SignedInAccount;

  beforeAll(async () => {
    run = await startConsole();
    adminToken = await loginAdmin(run.t);
    staff = await createAccount(run.t, adminToken, { role: 'agent', name: 'Sam Staff', languages: [{ code: 'en', level: 5 }] });
  });
  afterAll(async () => {
    await run?.close();
  });

  it('shows the log-in form at any console address without a session, and a not-found screen for unknown ones', async () => {
    const { page, context } = await newPage(run);
    const response = await page.goto('/conversations/0b0b0b0b-0000-4000-8000-000000000000');
    expect(response?.status()).toBe(200);
    await showsLogInForm(page, 5000);
    await expectAccessible(page);

    const missing = await page.goto('/no/such/screen');
    expect(missing?.status()).toBe(404);
    await page.getByRole('heading', { name: 'Page not found', exact: true }).waitFor();
    expect(await page.textContent('body')).toMatch(/not found/i);
    await expectAccessible(page);

    await page.goto('/');
    await page.getByLabel('Email', { exact: true }).fill(staff.email);
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: /\S/ }).waitFor();
    expect(await sessionStatus(context, run.baseUrl)).toBe(401);
    await context.close();
  });

  it('gives a staff agent the desk without shifts, and shows passenger HTML as text that runs nothing', async () => {
    const { page, context, dialogs } = await newPage(run);
    await logIn(page, staff.email, staff.password);
    await page.getByRole('heading', { name: 'Desk', exact: true }).waitFor();
    expect(await page.getByRole('region', { name: 'Shifts', exact: true }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'My conversations', exact: true }).count()).toBe(0);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const work = page.getByRole('region', { name: 'My conversations', exact: true });
    await work.waitFor();
    await signedIntake(run.t, newMessage({ text: HOSTILE_TEXT, language: 'en' })).expect(202);
    const link = work.getByRole('link', { name: HOSTILE_TEXT, exact: true });
    await link.waitFor({ timeout: 15_000 });
    expect(await link.textContent()).toBe(HOSTILE_TEXT);
    expect(await work.getByRole('img').count()).toBe(0);
    await expectAccessible(page);

    await link.click();
    const thread = page.getByRole('region', { name: 'Messages', exact: true });
    await thread.getByText(HOSTILE_TEXT, { exact: true }).waitFor();
    expect(await page.locator('img').count()).toBe(0);
    await page.getByRole('button', { name: 'Transfer', exact: true }).click();
    await page.getByLabel('Note', { exact: true }).waitFor();
    await expectAccessible(page);
    expect(dialogs).toEqual([]);

    // Transferred to German, which no one signed in speaks: it leaves the desk and waits in the queue.
    const conversationId = new URL(page.url()).pathname.split('/').pop();
    await page.getByLabel('Language needed', { exact: true }).selectOption('de');
    await page.getByLabel('Note', { exact: true }).fill('Passenger prefers German.');
    await page.getByRole('button', { name: 'Confirm transfer', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Conversation transferred.' }).waitFor();
    expect(await page.getByRole('link', { name: HOSTILE_TEXT, exact: true }).count()).toBe(0);
    const detail = await run.t.http().get(`/api/v1/conversations/${conversationId}`).set(auth(adminToken)).expect(200);
    expect(detail.body.status).toBe('queued');
    expect(detail.body.assignments.map((assignment: { agentId: string; endedAt: string | null }) => [assignment.agentId, assignment.endedAt !== null])).toEqual([[staff.id, true]]);
    expect(detail.body.messages.map((message: { text: string }) => message.text)).toEqual([HOSTILE_TEXT]);
    await context.close();
  });

  it('catches up after a network drop: work assigned meanwhile appears without a reload', async () => {
    const agent = await createAccount(run.t, adminToken, { role: 'agent', name: 'Dana Drop', languages: [{ code: 'sv', level: 5 }] });
    const { page, context } = await newPage(run);
    const streamsOpened: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/v1/me/conversations/stream') streamsOpened.push(request.url());
    });
    await logIn(page, agent.email, DEFAULT_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const work = page.getByRole('region', { name: 'My conversations', exact: true });
    await work.waitFor();
    expect(streamsOpened).toHaveLength(1);

    // The connection drops (every socket of the server closed under the page), and work arrives meanwhile.
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    (run.t.app.getHttpServer() as Server).closeAllConnections();
    // Unique, and never a card number: intake masks 13 to 19 digits that pass the Luhn check, which a
    // 13-digit Date.now() does one time in ten, and the link would then never bear this text.
    const text = `Min flygning är inställd ${Date.now().toString(36)}`;
    const intake = await signedIntake(run.t, newMessage({ text, language: 'sv' })).expect(202);
    // The browser's own reconnection waits about 3 s; routing on a loaded CI machine can take as long again.
    await work.getByRole('link', { name: text, exact: true }).waitFor({ timeout: 30_000 });
    expect(navigations).toEqual([]);
    expect(streamsOpened.length).toBeGreaterThanOrEqual(2);
    const detail = await run.t.http().get(`/api/v1/conversations/${intake.body.conversationId}`).set(auth(adminToken)).expect(200);
    expect(detail.body.assignedAgentId).toBe(agent.id);
    await context.close();
  });

  it("says in words why a volunteer without a claimed shift cannot sign in", async () => {
    const incident = await createIncident(run.t, adminToken);
    await activateSurge(run.t, adminToken, incident.id);
    const invite = await createInvite(run.t, adminToken, incident.id, { autoApprove: true });
    const volunteer = await enrollVolunteer(run.t, invite.code);
    await createShift(run.t, adminToken, { startsAt: minutesFromNow(120), endsAt: minutesFromNow(240), slots: 2, incidentId: incident.id });
    const { page, context } = await newPage(run, PHONE);
    await logIn(page, volunteer.email, volunteer.password);
    const shift = page.getByRole('region', { name: 'Shifts', exact: true }).getByRole('listitem').filter({ hasText: incident.name });
    await shift.getByRole('button', { name: 'Claim', exact: true }).click();
    await shift.getByRole('button', { name: 'Release', exact: true }).waitFor();
    await page.getByText(/^Your shift starts in 1 h 59 min$/).waitFor();

    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'no claimed shift now' }).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);

    await shift.getByRole('button', { name: 'Release', exact: true }).click();
    await shift.getByRole('button', { name: 'Claim', exact: true }).waitFor();
    await expect(shift.textContent()).resolves.toContain('2 of 2 slots free');
    await context.close();
  });

  it('enrolls through an invite that needs approval and says that approval is pending', async () => {
    const incidents = await run.t.http().get('/api/v1/surge').set(auth(adminToken)).expect(200);
    const invite = await createInvite(run.t, adminToken, incidents.body.incident.id, { autoApprove: false });
    const { page, context } = await newPage(run, PHONE);
    await page.goto(`/join/${invite.code}`);
    await page.getByLabel('Name', { exact: true }).fill('Pat Pending');
    await page.getByLabel('Email', { exact: true }).fill(uniqueEmail('pending'));
    await page.getByLabel('Password', { exact: true }).fill(DEFAULT_PASSWORD);
    await page.getByLabel('Language', { exact: true }).selectOption('fr');
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'pending approval' }).waitFor();
    expect(await page.getByRole('button', { name: 'Log out', exact: true }).count()).toBe(0);
    await expectAccessible(page);
    await context.close();
  });

  it('logs out: the log-in form on this screen and, within 10 s, on every other open screen; the session is refused', async () => {
    const { page, context } = await newPage(run);
    await logIn(page, staff.email, staff.password);
    const otherTab = await context.newPage();
    await otherTab.goto('/desk');
    await otherTab.getByRole('heading', { name: 'Desk', exact: true }).waitFor();
    expect(await sessionStatus(context, run.baseUrl)).toBe(200);

    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await showsLogInForm(page, 5000);
    await showsLogInForm(otherTab);
    expect(await sessionStatus(context, run.baseUrl)).toBe(401);
    await page.reload();
    await showsLogInForm(page, 5000);
    await context.close();
  });

  it('ends the session of a suspended agent: the log-in form within 10 s on the open desk', async () => {
    const agent = await createAccount(run.t, adminToken, { role: 'agent', name: 'Suspended Soon' });
    const { page, context } = await newPage(run, PHONE);
    await logIn(page, agent.email, DEFAULT_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('region', { name: 'My conversations', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Away', exact: true }).click();
    await page.getByRole('button', { name: 'Available', exact: true }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(await page.getByRole('region', { name: 'My conversations', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Away', exact: true }).waitFor();

    await run.t.http().patch(`/api/v1/agents/${agent.id}`).set(auth(adminToken)).send({ status: 'suspended' }).expect(200);
    await showsLogInForm(page);
    expect([401, 403]).toContain(await sessionStatus(context, run.baseUrl));
    await context.close();
  });

  it("gives incident managers and admins the incident console's links, each screen with Log out", async () => {
    const { page, context } = await newPage(run, PHONE);
    await logIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    const links = ['Incidents', 'Live queue', 'Roster', 'Agents', 'Conversations', 'Rules'];
    for (const name of links) await page.getByRole('link', { name, exact: true }).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Live queue', exact: true }).click();
    await page.getByRole('heading', { name: 'Live queue', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/live-queue');
    await page.reload();
    await page.getByRole('heading', { name: 'Live queue', exact: true }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await showsLogInForm(page, 5000);
    await context.close();
  });

  it('moves through the log-in form by keyboard alone', async () => {
    const { page, context } = await newPage(run, DESKTOP);
    await page.goto('/');
    await page.getByLabel('Email', { exact: true }).waitFor();
    await page.keyboard.press('Tab'); // the skip link
    await page.keyboard.press('Tab'); // the service's name, home
    await page.keyboard.press('Tab');
    await page.keyboard.type(staff.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(staff.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Desk', exact: true }).waitFor();
    await context.close();
  });
});
