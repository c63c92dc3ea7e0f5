import { Page } from 'playwright-core';
import { SignedInAccount } from '../factories/accounts';
import { COMPLAINTS } from '../factories/intake';
import { passengerMessage, pollUntil, signedInAgent, waitForAssignment } from '../factories/conversations';
import { ConsoleRun, logIn, newPage, PHONE, scrollWidth, seriousAccessibilityViolations, startConsoleWithManager } from './console-browser';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const GERMAN = 'Mein Flug wurde gestrichen, was soll ich tun?';
const FINNISH = 'Lentoni peruttiin, mitä nyt?';

describe('console: a manager filters the conversations and opens one with its routing decisions', () => {
  let run: ConsoleRun;
  let adminToken: string;
  let manager: SignedInAccount;
  let nora: SignedInAccount;
  let dutchId: string;
  let finnishId: string;

  beforeAll(async () => {
    ({ run, adminToken, manager } = await startConsoleWithManager());
    nora = await signedInAgent(run.t, adminToken, 'nl', { name: 'Nora NL' });
    const dieter = await signedInAgent(run.t, adminToken, 'de', { name: 'Dieter DE' });
    dutchId = (await passengerMessage(run.t, 'nl', { text: COMPLAINTS.nl, flightNumber: 'KL1234', from: { handle: '@noor', name: 'Noor Passagier' } })).conversationId;
    const germanId = (await passengerMessage(run.t, 'de', { text: GERMAN, channel: 'sms', from: { handle: '+4915112345678', name: 'Dana Reisende' } })).conversationId;
    finnishId = (await passengerMessage(run.t, 'fi', { text: FINNISH, from: { handle: '@fanni', name: 'Fanni Odottaja' } })).conversationId;
    await waitForAssignment(run.t, nora, dutchId);
    await waitForAssignment(run.t, dieter, germanId);
  });
  afterAll(async () => {
    await run?.close();
  });

  /** Waits until the list shows exactly these passengers (in any order). */
  async function listed(page: Page, expected: string[]): Promise<void> {
    const table = page.getByRole('table', { name: 'Conversations, longest waiting first', exact: true });
    const want = JSON.stringify([...expected].sort());
    await pollUntil(async () => JSON.stringify((await table.getByRole('rowheader').allTextContents()).map((name) => name.trim()).sort()), (shown) => shown === want);
  }

  it('narrows the list by language, status, channel, agent and flight, and shows a conversation’s thread and decision', async () => {
    const { page, context } = await newPage(run);
    await logIn(page, manager.email, manager.password);
    await page.getByRole('link', { name: 'Conversations', exact: true }).click();
    await page.getByRole('heading', { name: 'Conversations', exact: true }).waitFor();
    await listed(page, ['Noor Passagier', 'Dana Reisende', 'Fanni Odottaja']);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Language', { exact: true }).selectOption('nl');
    await listed(page, ['Noor Passagier']);
    await page.getByLabel('Language', { exact: true }).selectOption('');
    await page.getByLabel('Status', { exact: true }).selectOption('queued');
    await listed(page, ['Fanni Odottaja']);
    await page.getByLabel('Status', { exact: true }).selectOption('');
    await page.getByLabel('Channel', { exact: true }).selectOption('sms');
    await listed(page, ['Dana Reisende']);
    await page.getByLabel('Channel', { exact: true }).selectOption('');
    await page.getByLabel('Agent', { exact: true }).selectOption({ label: 'Nora NL' });
    await listed(page, ['Noor Passagier']);
    await page.getByLabel('Agent', { exact: true }).selectOption('');
    await listed(page, ['Noor Passagier', 'Dana Reisende', 'Fanni Odottaja']);
    await page.getByLabel('Flight', { exact: true }).fill('kl 1234');
    await page.getByLabel('Flight', { exact: true }).press('Enter');
    await listed(page, ['Noor Passagier']);
    expect(new URL(page.url()).searchParams.get('flightNumber')).toBe('kl 1234');
    await page.reload();
    await listed(page, ['Noor Passagier']);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const detail = (await run.t.http().get(`/api/v1/conversations/${dutchId}`).set(auth(manager.token)).expect(200)).body;
    const [decision] = detail.decisions;
    expect(decision.chosenAgentId).toBe(nora.id);
    await page.getByRole('link', { name: 'Noor Passagier', exact: true }).click();
    await page.getByRole('heading', { name: 'Conversation with Noor Passagier', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/conversations/${dutchId}`);
    await page.getByRole('region', { name: 'Thread', exact: true }).getByText(COMPLAINTS.nl, { exact: true }).waitFor();
    const decisions = page.getByRole('region', { name: 'Routing decisions', exact: true });
    const first = decisions.getByRole('article').first();
    await first.getByText(`${decision.ruleName} (ruleset version ${decision.ruleVersion})`, { exact: true }).waitFor();
    await first.getByText(decision.reason, { exact: true }).waitFor();
    await first.getByText('Nora NL', { exact: true }).first().waitFor();
    const candidates = first.getByRole('table', { name: 'Candidates of decision 1', exact: true });
    const noraRow = candidates.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Nora NL', exact: true }) });
    const candidate = decision.candidates.find((c: { agentId: string }) => c.agentId === nora.id);
    expect((await noraRow.getByRole('cell').first().textContent())?.trim()).toBe(`${candidate.load} / ${candidate.maxConcurrent}`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // A deep link to the conversation works, on a phone too.
    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByRole('heading', { name: 'Conversation with Noor Passagier', exact: true }).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });

  it('says why a queued conversation waits', async () => {
    const { page, context } = await newPage(run);
    await logIn(page, manager.email, manager.password);
    const { waiting } = (await run.t.http().get(`/api/v1/conversations/${finnishId}`).set(auth(manager.token)).expect(200)).body;
    expect(waiting.reason).toMatch(/^waiting: no agent on the roster fits; needs a staff or volunteer agent speaking fi/);
    await page.goto(`${run.baseUrl}/conversations/${finnishId}`);
    const why = page.getByRole('region', { name: 'Why it waits', exact: true });
    await why.getByText(waiting.reason, { exact: true }).waitFor();
    expect(await page.getByRole('region', { name: 'Routing decisions', exact: true }).getByText('No agent chosen yet.', { exact: true }).count()).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
