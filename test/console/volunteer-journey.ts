import { randomUUID } from 'crypto';
import { Page } from 'playwright-core';
import { loginAdmin, uniqueEmail } from '../factories/accounts';
import { activateSurge, createIncident, createInvite } from '../factories/incidents';
import { newMessage, signedIntake } from '../factories/intake';
import { createShift, minutesFromNow } from '../factories/shifts';
import { newPage, scrollWidth, seriousAccessibilityViolations, startConsole, ConsoleRun } from './console-browser';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
/** New work must appear within 2 s of being assigned (console.md). */
const NEW_WORK_MS = 2_000;

/**
 * The whole volunteer journey in a browser of the given width: from the invite link to a resolved
 * conversation, then checked through the API. Every control is found by its role and accessible name.
 */
export function describeVolunteerJourney(viewport: { width: number; height: number }): void {
  let run: ConsoleRun;
  let adminToken: string;
  let incident: { id: string; name: string };
  let inviteCode: string;
  let page: Page;
  let dialogs: string[];
  const volunteer = { name: `Vera ${randomUUID().slice(0, 6)}`, email: uniqueEmail('vera'), password: 'correct-horse-battery' };
  const passengerText = `Flight cancelled, stuck at gate ${randomUUID().slice(0, 8)}: https://example.org/a/very/long/link/${'x'.repeat(120)}`;
  const replyText = 'We have rebooked you on tomorrow morning’s flight.';
  let volunteerId: string;
  let conversationId: string;

  /** The page never needs horizontal scrolling and has no serious accessibility violation. */
  async function screenIsUsable(): Promise<void> {
    expect(await scrollWidth(page)).toBeLessThanOrEqual(viewport.width);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }

  beforeAll(async () => {
    run = await startConsole();
    adminToken = await loginAdmin(run.t);
    incident = await createIncident(run.t, adminToken);
    await activateSurge(run.t, adminToken, incident.id);
    inviteCode = (await createInvite(run.t, adminToken, incident.id, { autoApprove: true })).code;
    // Under way now, so the volunteer may sign in once it is claimed.
    await createShift(run.t, adminToken, { startsAt: minutesFromNow(-5), endsAt: minutesFromNow(180), slots: 3, languages: ['en'], incidentId: incident.id });
    ({ page, dialogs } = await newPage(run, viewport));
  });
  afterAll(async () => {
    await run?.close();
  });

  it('enrolls from the invite link and lands logged in at the desk', async () => {
    const response = await page.goto(`/join/${inviteCode}`);
    expect(response?.status()).toBe(200);
    await page.getByLabel('Name', { exact: true }).fill(volunteer.name);
    await page.getByLabel('Email', { exact: true }).fill(volunteer.email);
    await page.getByLabel('Password', { exact: true }).fill(volunteer.password);
    await page.getByLabel('Language', { exact: true }).selectOption('en');
    await page.getByLabel('Level', { exact: true }).selectOption('5');
    await page.getByRole('button', { name: 'Add language', exact: true }).click();
    await page.getByLabel('Language', { exact: true }).nth(1).selectOption('nl');
    await page.getByLabel('Level', { exact: true }).nth(1).selectOption('4');
    await page.getByRole('button', { name: 'Add skill', exact: true }).click();
    await page.getByLabel('Skill', { exact: true }).fill('rebooking');
    await page.getByLabel('Skill level', { exact: true }).selectOption('3');
    await screenIsUsable();
    await page.getByRole('button', { name: 'Join', exact: true }).click();

    await page.getByRole('heading', { name: 'Desk', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/desk');
    await page.getByRole('button', { name: 'Log out', exact: true }).waitFor();
    await screenIsUsable();

    const agents = await run.t.http().get('/api/v1/agents').query({ kind: 'volunteer' }).set(auth(adminToken)).expect(200);
    const enrolled = agents.body.items.find((agent: { email: string }) => agent.email === volunteer.email);
    expect(enrolled).toMatchObject({
      name: volunteer.name,
      status: 'active',
      languages: expect.arrayContaining([{ code: 'en', level: 5 }, { code: 'nl', level: 4 }]),
      skills: [{ name: 'rebooking', level: 3 }],
    });
    volunteerId = enrolled.id;
  });

  it("claims a shift of its incident, which stays listed with 'Release'", async () => {
    const shifts = page.getByRole('region', { name: 'Shifts', exact: true });
    const shift = shifts.getByRole('listitem').filter({ hasText: incident.name });
    await expect(shift.count()).resolves.toBe(1);
    await expect(shift.textContent()).resolves.toContain('3 of 3 slots free');
    await shift.getByRole('button', { name: 'Claim', exact: true }).click();
    await shift.getByRole('button', { name: 'Release', exact: true }).waitFor();
    await expect(shift.textContent()).resolves.toContain('2 of 3 slots free');
    const me = await run.t.http().get('/api/v1/shifts').set(auth(adminToken)).expect(200);
    expect(me.body.items[0].claimedBy.map((claimant: { agentId: string }) => claimant.agentId)).toEqual([volunteerId]);
  });

  it('signs in and sees the time left in the shift and its conversations', async () => {
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'You are signed in.' }).waitFor();
    await page.getByRole('button', { name: 'Away', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Sign in', exact: true }).count()).toBe(0);
    await expect(page.getByText(/^Time left in your shift: \d+ h \d+ min$/).count()).resolves.toBe(1);
    await page.getByRole('region', { name: 'My conversations', exact: true }).waitFor();
    await screenIsUsable();
  });

  it('shows a passenger message routed to it without a reload', async () => {
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    const intake = await signedIntake(run.t, newMessage({ text: passengerText, language: 'en' })).expect(202);
    conversationId = intake.body.conversationId;
    // Routing is asynchronous: the clock starts once the conversation is assigned to the volunteer.
    for (let attempt = 0; ; attempt++) {
      const detail = await run.t.http().get(`/api/v1/conversations/${conversationId}`).set(auth(adminToken)).expect(200);
      if (detail.body.status === 'assigned') {
        expect(detail.body.assignedAgentId).toBe(volunteerId);
        break;
      }
      if (attempt > 100) throw new Error('the conversation was never assigned');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const work = page.getByRole('region', { name: 'My conversations', exact: true });
    const item = work.getByRole('listitem').filter({ has: page.getByRole('link', { name: passengerText, exact: true }) });
    await item.waitFor({ timeout: NEW_WORK_MS });
    await expect(item.textContent()).resolves.toMatch(/English \(en\)/);
    await expect(item.textContent()).resolves.toMatch(/Twitter\/X/);
    await expect(item.textContent()).resolves.toMatch(/SLA\s*(59 min \d+ s|1 h 0 min) left/);
    expect(navigations).toEqual([]);
    await screenIsUsable();
    await page.screenshot({ path: `/tmp/surgeline-console-desk-${viewport.width}.png`, fullPage: true });
  });

  it('opens the conversation, replies and resolves it', async () => {
    await page.getByRole('link', { name: passengerText, exact: true }).click();
    await page.getByRole('textbox', { name: 'Reply', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/conversations/${conversationId}`);
    await page.getByText(passengerText, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Transfer', exact: true }).waitFor();
    await screenIsUsable();

    await page.getByRole('textbox', { name: 'Reply', exact: true }).fill(replyText);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Reply sent.' }).waitFor();
    const thread = page.getByRole('region', { name: 'Messages', exact: true }).getByRole('listitem');
    await thread.filter({ hasText: replyText }).waitFor();
    await page.screenshot({ path: `/tmp/surgeline-console-conversation-${viewport.width}.png`, fullPage: true });
    await expect(thread.allTextContents()).resolves.toEqual([expect.stringContaining(passengerText), expect.stringContaining(replyText)]);

    await page.getByRole('button', { name: 'Resolve', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Conversation resolved.' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/desk');
    await expect(page.getByRole('link', { name: passengerText, exact: true }).count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('leaves the conversation resolved and answered, as the API tells', async () => {
    const detail = await run.t.http().get(`/api/v1/conversations/${conversationId}`).set(auth(adminToken)).expect(200);
    expect(detail.body.status).toBe('resolved');
    expect(detail.body.firstResponseAt).not.toBeNull();
    expect(detail.body.replies.map((reply: { text: string; agentId: string }) => [reply.text, reply.agentId])).toEqual([[replyText, volunteerId]]);
    expect(detail.body.assignments.map((assignment: { agentId: string }) => assignment.agentId)).toEqual([volunteerId]);
    expect(detail.body.messages.map((message: { text: string }) => message.text)).toEqual([passengerText]);
  });
}
