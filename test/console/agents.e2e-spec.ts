import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { activateSurge, createIncident, createInvite, enrollVolunteer } from '../factories/incidents';
import { TEST_ADMIN } from '../support/test-app';
import { ConsoleRun, logIn, newPage, PHONE, scrollWidth, seriousAccessibilityViolations, startConsole } from './console-browser';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('console: an admin approves a pending volunteer, suspends and edits an agent', () => {
  let run: ConsoleRun;
  let adminToken: string;
  let staff: SignedInAccount;
  let pendingId: string;

  const statusOf = async (id: string): Promise<string> => (await run.t.http().get(`/api/v1/agents/${id}`).set(auth(adminToken)).expect(200)).body.status;

  beforeAll(async () => {
    run = await startConsole();
    adminToken = await loginAdmin(run.t);
    staff = await createAccount(run.t, adminToken, { role: 'agent', name: 'Sam Staff', languages: [{ code: 'en', level: 5 }] });
    const incident = await createIncident(run.t, adminToken);
    await activateSurge(run.t, adminToken, incident.id);
    const invite = await createInvite(run.t, adminToken, incident.id, { autoApprove: false });
    pendingId = (await enrollVolunteer(run.t, invite.code, { name: 'Pia Pending' })).id;
  });
  afterAll(async () => {
    await run?.close();
  });

  it('lists agents by status, approves the pending volunteer, suspends and reactivates a staff agent', async () => {
    expect(await statusOf(pendingId)).toBe('pending');
    const { page, context } = await newPage(run, PHONE);
    await logIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.getByRole('link', { name: 'Agents', exact: true }).click();
    await page.getByRole('heading', { name: 'Agents', exact: true }).waitFor();
    const list = page.getByRole('list', { name: 'Agents by name', exact: true });
    await page.getByLabel('Status', { exact: true }).selectOption('pending');
    await list.getByRole('listitem').filter({ hasText: 'Pia Pending' }).getByText(/volunteer · pending approval · signed out · 0 of \d+ conversations/).waitFor();
    expect(await list.getByRole('listitem').filter({ hasText: 'Sam Staff' }).count()).toBe(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Approve Pia Pending', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Pia Pending is approved and can log in.' }).waitFor();
    expect(await statusOf(pendingId)).toBe('active');
    await page.getByText('No agents with this status.', { exact: true }).waitFor();

    await page.getByLabel('Status', { exact: true }).selectOption('');
    await page.getByRole('button', { name: 'Suspend Sam Staff', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Sam Staff is suspended' }).waitFor();
    expect(await statusOf(staff.id)).toBe('suspended');
    await page.getByRole('button', { name: 'Reactivate Sam Staff', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Sam Staff is active again.' }).waitFor();
    expect(await statusOf(staff.id)).toBe('active');
    await page.getByRole('button', { name: 'Suspend Sam Staff', exact: true }).waitFor();
    await context.close();
  });

  it("edits an agent's languages, skills and capacity, refused values beside their fields, and the API returns what was saved", async () => {
    const { page, context } = await newPage(run);
    await logIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.goto('/agents');
    await page.getByRole('button', { name: 'Edit Sam Staff', exact: true }).click();
    const form = page.getByRole('form', { name: 'Edit Sam Staff', exact: true });
    const capacity = form.getByLabel('Max concurrent', { exact: true });
    expect(await form.getByLabel('Languages', { exact: true }).inputValue()).toBe('en:5');
    expect(await capacity.inputValue()).toBe('3');
    await form.getByLabel('Languages', { exact: true }).fill('nl:5, en:3');
    await form.getByLabel('Skills', { exact: true }).fill('refunds:4, rebooking:2');
    await capacity.fill('25');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Not saved: see the messages beside the fields.' }).waitFor();
    expect(await capacity.getAttribute('aria-invalid')).toBe('true');
    await page.locator(`[id="${await capacity.getAttribute('aria-describedby')}"]`).filter({ hasText: 'maxConcurrent must not be greater than 20' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect((await run.t.http().get(`/api/v1/agents/${staff.id}`).set(auth(adminToken)).expect(200)).body.maxConcurrent).toBe(3);

    await capacity.fill('7');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: "Sam Staff's profile is saved." }).waitFor();
    const saved = (await run.t.http().get(`/api/v1/agents/${staff.id}`).set(auth(adminToken)).expect(200)).body;
    expect(saved.maxConcurrent).toBe(7);
    expect(saved.languages).toEqual(expect.arrayContaining([{ code: 'nl', level: 5 }, { code: 'en', level: 3 }]));
    expect(saved.languages).toHaveLength(2);
    expect(saved.skills).toEqual(expect.arrayContaining([{ name: 'refunds', level: 4 }, { name: 'rebooking', level: 2 }]));
    await page.getByRole('list', { name: 'Agents by name', exact: true }).getByRole('listitem').filter({ hasText: 'Sam Staff' }).getByText(/0 of 7 conversations/).waitFor();
    await context.close();
  });
});
