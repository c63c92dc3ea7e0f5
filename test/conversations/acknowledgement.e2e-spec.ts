import { randomUUID } from 'crypto';
import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { auth, conversationDetail, languageAllocator, passengerMessage, signedInStaffAgent, waitFor, waitForAssignment } from '../factories/routing';
import { createRule, newRuleBody } from '../factories/rules';
import { createTemplate } from '../factories/templates';
import { signedIntake } from '../factories/intake';
import { startTestApp, TestApp } from '../support/test-app';
import { waitInWords } from '../../src/templates/template-text';

interface ReplyView {
  id: string;
  kind: 'reply' | 'acknowledgement';
  agentId: string | null;
  authorId: string | null;
  templateId: string | null;
  text: string;
  deliveryStatus: string;
  createdAt: string;
}

const WAIT_TEXT = 'Thanks for writing. Expected wait: {{estimatedWait}}.';

/** A rule's acknowledgeTemplateId: the passenger told at once, through the outbound queue, and no figure counting it. */
describe('acknowledgement of a new conversation', () => {
  let t: TestApp;
  let admin: string;
  let manager: SignedInAccount;
  let templateId: string;
  const nextLanguage = languageAllocator();

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
    manager = await createAccount(t, admin, { role: 'incident_manager', languages: undefined });
    templateId = (await createTemplate(t, manager.token, { name: 'Acknowledgement', variants: [{ language: 'en', text: WAIT_TEXT }] })).id;
  });
  afterAll(() => t?.close());

  const acknowledgingRule = (language: string, overrides: Record<string, unknown> = {}) =>
    createRule(t, admin, { match: { languages: [language] }, route: { acknowledgeTemplateId: templateId, ...overrides } });
  const repliesOf = async (conversationId: string) =>
    ((await conversationDetail(t, conversationId)) as unknown as { replies: ReplyView[] }).replies;
  const acknowledged = (conversationId: string) =>
    waitFor(async () => {
      const replies = await repliesOf(conversationId);
      expect(replies).toHaveLength(1);
      expect(replies[0].deliveryStatus).toBe('delivered');
      return replies[0];
    });
  const live = async () => (await t.http().get('/api/v1/stats/live').expect(200)).body;

  it('sends the template with the estimated wait, as an acknowledgement that leaves firstResponseAt empty and the SLA figures unchanged', async () => {
    const language = nextLanguage();
    await acknowledgingRule(language);
    await signedInStaffAgent(t, admin, { languages: [{ code: language, level: 5 }], maxConcurrent: 1 });
    const before = await live();

    const first = await passengerMessage(t, { language });
    await waitForAssignment(t, first.conversationId);
    const second = await passengerMessage(t, { language });
    // The acknowledgement tells the wait intake answered with.
    const estimate = (second as unknown as { estimatedWaitSeconds: number | null }).estimatedWaitSeconds;

    const firstAck = await acknowledged(first.conversationId);
    const secondAck = await acknowledged(second.conversationId);
    expect(secondAck).toEqual({
      id: expect.any(String),
      kind: 'acknowledgement',
      agentId: null,
      authorId: null,
      templateId,
      text: WAIT_TEXT.replace('{{estimatedWait}}', waitInWords(estimate, 'en')),
      deliveryStatus: 'delivered',
      createdAt: expect.any(String),
    });
    expect(firstAck.kind).toBe('acknowledgement');

    for (const id of [first.conversationId, second.conversationId]) {
      expect((await conversationDetail(t, id)).firstResponseAt).toBeNull();
    }
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM conversations WHERE first_response_at IS NOT NULL`);
    expect(rows[0].n).toBe(0);

    // Figures computed after both acknowledgements are the figures from before them.
    const after = await waitFor(async () => {
      const figures = await live();
      expect(Date.parse(figures.updatedAt)).toBeGreaterThan(Date.parse(secondAck.createdAt));
      return figures;
    }, { timeoutMs: 15_000, intervalMs: 500 });
    expect(after.firstResponse).toEqual(before.firstResponse);
    expect(after.slaAttainment).toEqual(before.slaAttainment);
    const agents = await t.http().get('/api/v1/stats/agents').set(auth(manager.token)).expect(200);
    expect(agents.body.items.every((row: { medianFirstResponseSeconds: number | null }) => row.medianFirstResponseSeconds === null)).toBe(true);
  });

  it('sends one acknowledgement per conversation: not again for a duplicate or a follow-up', async () => {
    const language = nextLanguage();
    await acknowledgingRule(language);
    const message = await passengerMessage(t, { language });
    await acknowledged(message.conversationId);
    await signedIntake(t, message.body).expect(200);
    const from = message.body.from as { handle: string };
    await passengerMessage(t, { language, from });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await repliesOf(message.conversationId)).toHaveLength(1);
  });

  it('sends nothing when the rule names no acknowledgement', async () => {
    const language = nextLanguage();
    await createRule(t, admin, { match: { languages: [language] }, route: {} });
    const message = await passengerMessage(t, { language });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await repliesOf(message.conversationId)).toEqual([]);
  });

  it('gives estimatedWaitSeconds per language in /stats/live', async () => {
    const language = nextLanguage();
    await passengerMessage(t, { language });
    const figures = await waitFor(async () => {
      const body = await live();
      expect(body.byLanguage.map((row: { language: string }) => row.language)).toContain(language);
      return body;
    }, { timeoutMs: 15_000, intervalMs: 500 });
    // Nobody speaks it and nothing was assigned in it lately: nothing is known.
    expect(figures.byLanguage.find((row: { language: string }) => row.language === language)).toMatchObject({ estimatedWaitSeconds: null });
    for (const row of figures.byLanguage) expect(row).toHaveProperty('estimatedWaitSeconds');
  });

  describe('route.acknowledgeTemplateId', () => {
    const post = (body: Record<string, unknown>, token = admin) =>
      t.http().post('/api/v1/routing/rules').set(auth(token)).send(body);

    it.each([
      ['an unknown template', randomUUID()],
      ['not an id', 'welcome'],
      ['null', null],
    ])('refuses %s with 400 naming the field', async (_case, value) => {
      const response = await post(newRuleBody({ route: { acknowledgeTemplateId: value } })).expect(400);
      expect(JSON.stringify(response.body.message)).toContain('acknowledgeTemplateId');
    });

    it('is kept on the rule, needs a token (401) and an admin (403), and keeps its template from deletion (409)', async () => {
      const rule = await createRule(t, admin, { route: { acknowledgeTemplateId: templateId } });
      expect(rule.route).toMatchObject({ acknowledgeTemplateId: templateId });
      await t.http().post('/api/v1/routing/rules').send(newRuleBody()).expect(401);
      await post(newRuleBody({ route: { acknowledgeTemplateId: templateId } }), manager.token).expect(403);
      const refused = await t.http().delete(`/api/v1/templates/${templateId}`).set(auth(manager.token)).expect(409);
      expect(refused.body.message).toContain('routing rule');
    });
  });
});
