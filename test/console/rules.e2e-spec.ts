import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { pollUntil } from '../factories/conversations';
import { newMessage, signedIntake } from '../factories/intake';
import { TEST_ADMIN } from '../support/test-app';
import { ConsoleRun, DESKTOP, logIn, newPage, PHONE, scrollWidth, seriousAccessibilityViolations, startConsole } from './console-browser';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const RULE_NAME = 'German refunds';
const REFUND_TEXT = 'Ich möchte eine refund für meinen Flug';

describe('console: an admin edits a routing rule and simulates a message against the rules', () => {
  let run: ConsoleRun;
  let adminToken: string;
  let anna: SignedInAccount;
  let bernd: SignedInAccount;
  let ruleId: string;

  const simulate = async () =>
    (await run.t.http().post('/api/v1/routing/simulate').set(auth(adminToken)).send(newMessage({ language: 'de', text: REFUND_TEXT })).expect(200)).body;
  const version = async (): Promise<number> => (await run.t.http().get('/api/v1/routing/rules').set(auth(adminToken)).expect(200)).body.version;

  beforeAll(async () => {
    run = await startConsole();
    adminToken = await loginAdmin(run.t);
    anna = await createAccount(run.t, adminToken, { name: 'Anna Refunds', languages: [{ code: 'de', level: 5 }], skills: [{ name: 'refunds', level: 4 }] });
    bernd = await createAccount(run.t, adminToken, { name: 'Bernd Plain', languages: [{ code: 'de', level: 5 }] });
    for (const agent of [anna, bernd]) await run.t.http().post('/api/v1/me/sign-in').set(auth(agent.token)).expect(200);
    const rule = await run.t
      .http()
      .post('/api/v1/routing/rules')
      .set(auth(adminToken))
      .send({ name: RULE_NAME, order: 10, match: { languages: ['de'], keywordsAny: ['refund'] }, route: { requiredSkills: [{ name: 'billing', minLevel: 3 }] } })
      .expect(201);
    ruleId = rule.body.id;
  });
  afterAll(async () => {
    await run?.close();
  });

  it('shows a wrong field beside it, then saves the edit; the simulate panel and the next conversation follow the new rule', async () => {
    // Before the edit nobody has the skill the rule asks for.
    expect((await simulate()).chosen).toBeNull();
    const before = await version();

    const { page, context } = await newPage(run);
    await logIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.getByRole('link', { name: 'Rules', exact: true }).click();
    await page.getByRole('heading', { name: 'Rules', exact: true }).waitFor();
    await page.getByText(`Ruleset version ${before}`, { exact: true }).waitFor();
    const list = page.getByRole('list', { name: 'Rules in evaluation order', exact: true });
    await list.getByRole('listitem').filter({ hasText: RULE_NAME }).getByText('When: German (de) · mentions refund').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: `Edit ${RULE_NAME}`, exact: true }).click();
    const priority = page.getByLabel('Priority', { exact: true });
    await priority.fill('11');
    await page.getByLabel('Required skills', { exact: true }).fill('refunds:3');
    await page.getByRole('button', { name: 'Save rule', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'see the messages beside the fields' }).waitFor();
    expect(await priority.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await priority.getAttribute('aria-describedby');
    await page.locator(`[id="${describedBy}"]`).filter({ hasText: 'route.priority must not be greater than 10' }).waitFor();
    expect(await version()).toBe(before);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await priority.fill('8');
    await page.getByRole('button', { name: 'Save rule', exact: true }).click();
    await page.getByRole('status').filter({ hasText: `Rule “${RULE_NAME}” saved (ruleset version ${before + 1}).` }).waitFor();
    await page.getByText(`Ruleset version ${before + 1}`, { exact: true }).waitFor();
    const saved = (await run.t.http().get(`/api/v1/routing/rules/${ruleId}`).set(auth(adminToken)).expect(200)).body;
    expect(saved.route).toMatchObject({ requiredSkills: [{ name: 'refunds', minLevel: 3 }], priority: 8 });
    expect(saved.match).toEqual({ languages: ['de'], keywordsAny: ['refund'] });

    const panel = page.getByRole('region', { name: 'Simulate', exact: true });
    await panel.getByLabel('Language', { exact: true }).selectOption('de');
    await panel.getByLabel('Message', { exact: true }).fill(REFUND_TEXT);
    await panel.getByRole('button', { name: 'Simulate', exact: true }).click();
    const candidates = panel.getByRole('table', { name: 'Candidates', exact: true });
    await candidates.waitFor();
    await panel.getByText(`${RULE_NAME} (ruleset version ${before + 1})`, { exact: true }).waitFor();
    await panel.getByText(/^Anna Refunds: /).waitFor();
    const row = async (name: string) => (await candidates.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) }).getByRole('cell').allTextContents()).map((cell) => cell.trim());
    expect(await row('Bernd Plain')).toEqual(['0 / 3', 'no', 'lacks skill refunds at level 3']);
    expect((await row('Anna Refunds'))[1]).toBe('yes');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/surgeline-console-rules.png', fullPage: true });
    await page.setViewportSize(PHONE);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.setViewportSize(DESKTOP);

    // The next conversation goes where the edited rule says.
    const intake = await signedIntake(run.t, newMessage({ language: 'de', text: REFUND_TEXT })).expect(202);
    const detail = await pollUntil(
      async () => (await run.t.http().get(`/api/v1/conversations/${intake.body.conversationId}`).set(auth(adminToken)).expect(200)).body,
      (conversation) => conversation.status === 'assigned',
    );
    expect(detail.assignedAgentId).toBe(anna.id);
    expect(detail.decisions[0]).toMatchObject({ ruleId, ruleVersion: before + 1 });

    await page.getByRole('button', { name: `Disable ${RULE_NAME}`, exact: true }).click();
    await page.getByRole('status').filter({ hasText: `Rule “${RULE_NAME}” disabled` }).waitFor();
    await page.getByRole('button', { name: `Enable ${RULE_NAME}`, exact: true }).waitFor();
    expect((await run.t.http().get(`/api/v1/routing/rules/${ruleId}`).set(auth(adminToken)).expect(200)).body.enabled).toBe(false);
    await context.close();
  });
});
