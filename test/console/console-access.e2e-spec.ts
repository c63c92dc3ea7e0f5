import { BrowserContext } from 'playwright-core';
import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { createIncident } from '../factories/incidents';
import { ConsoleRun, logIn, newPage, seriousAccessibilityViolations, startConsole } from './console-browser';

const FOR_MANAGERS = 'This screen is for incident managers and admins.';
const FOR_ADMINS = 'This screen is for admins: ask one to change the routing rules.';
const AGENTS_FOR_ADMINS = 'This screen is for admins: ask one to approve, suspend or change agents.';
const ACCOUNTS_FOR_ADMINS = 'This screen is for admins: ask one to create accounts or import the roster.';

/** A write through the browser's own session cookie, with its CSRF token: refused on role, not on CSRF. */
async function postWithSession(context: BrowserContext, url: string, data: unknown): Promise<number> {
  const session = await (await context.request.get(url.replace(/\/api\/v1\/.*/, '/api/v1/auth/session'))).json();
  return (await context.request.post(url, { data, headers: { 'X-CSRF-Token': session.csrfToken } })).status();
}

describe('console: who may open the incident console screens', () => {
  let run: ConsoleRun;
  let adminToken: string;
  let agent: SignedInAccount;
  let manager: SignedInAccount;
  let incidentId: string;

  beforeAll(async () => {
    run = await startConsole();
    adminToken = await loginAdmin(run.t);
    agent = await createAccount(run.t, adminToken, { role: 'agent', name: 'Ada Agent' });
    manager = await createAccount(run.t, adminToken, { role: 'incident_manager', name: 'Max Manager' });
    incidentId = (await createIncident(run.t, adminToken)).id;
  });
  afterAll(async () => {
    await run?.close();
  });

  it('tells an agent each manager screen is not theirs, shows none of it, and the API refuses them', async () => {
    const { page, context } = await newPage(run);
    await logIn(page, agent.email, agent.password);
    const screens: [string, string][] = [
      ['/incidents', '/api/v1/incidents'],
      [`/incidents/${incidentId}`, `/api/v1/incidents/${incidentId}/invites`],
      ['/live-queue', '/api/v1/stats/history'],
      ['/events', '/api/v1/events'],
      ['/rules', '/api/v1/routing/rules'],
      ['/agents', '/api/v1/agents'],
      ['/roster', `/api/v1/roster?from=${encodeURIComponent(new Date().toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`],
      ['/conversations', '/api/v1/conversations'],
      ['/accounts', '/api/v1/agents'],
      ['/roster-import', '/api/v1/agents'],
    ];
    for (const [path, api] of screens) {
      expect((await page.goto(path))?.status()).toBe(200);
      await page.getByText(FOR_MANAGERS, { exact: true }).waitFor();
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(0);
      expect(await page.getByRole('button').allTextContents()).toEqual(['Log out']);
      expect((await context.request.get(`${run.baseUrl}${api}`)).status()).toBe(403);
    }
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await postWithSession(context, `${run.baseUrl}/api/v1/incidents`, { name: 'not mine' })).toBe(403);
    expect(await postWithSession(context, `${run.baseUrl}/api/v1/incidents/${incidentId}/surge/activate`, {})).toBe(403);
    expect(await postWithSession(context, `${run.baseUrl}/api/v1/incidents/${incidentId}/invites`, {})).toBe(403);
    expect(await postWithSession(context, `${run.baseUrl}/api/v1/shifts`, { startsAt: new Date(Date.now() + 3_600_000).toISOString(), endsAt: new Date(Date.now() + 7_200_000).toISOString(), slots: 1 })).toBe(403);
    expect(await postWithSession(context, `${run.baseUrl}/api/v1/users`, { email: 'x@airline.test', name: 'x', password: 'long-enough-password', role: 'admin' })).toBe(403);
    await context.close();
  });

  it('tells an incident manager the rules, the agents, the accounts and the roster import are for admins, and the API refuses them', async () => {
    const { page, context } = await newPage(run);
    await logIn(page, manager.email, manager.password);
    await page.goto('/rules');
    await page.getByText(FOR_ADMINS, { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'New rule', exact: true }).count()).toBe(0);
    expect((await context.request.get(`${run.baseUrl}/api/v1/routing/rules`)).status()).toBe(403);
    expect(await postWithSession(context, `${run.baseUrl}/api/v1/routing/simulate`, { channel: 'web', externalId: 'x', from: { handle: 'x' }, text: 'x' })).toBe(403);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.goto('/agents');
    await page.getByText(AGENTS_FOR_ADMINS, { exact: true }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(0);
    expect((await context.request.get(`${run.baseUrl}/api/v1/agents`)).status()).toBe(403);
    expect(await postWithSession(context, `${run.baseUrl}/api/v1/agents/${agent.id}/approve`, {})).toBe(403);
    for (const path of ['/accounts', '/roster-import']) {
      await page.goto(path);
      await page.getByText(ACCOUNTS_FOR_ADMINS, { exact: true }).waitFor();
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(0);
      expect(await page.getByRole('button').allTextContents()).toEqual(['Log out']);
    }
    expect(await postWithSession(context, `${run.baseUrl}/api/v1/users`, { email: 'y@airline.test', name: 'y', password: 'long-enough-password', role: 'admin' })).toBe(403);
    await context.close();
  });
});
