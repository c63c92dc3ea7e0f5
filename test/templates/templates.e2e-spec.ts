import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { assignedConversation, auth, languageAllocator, passengerMessage, signedInAgent } from '../factories/conversations';
import { createTemplate, newTemplateBody } from '../factories/templates';
import { startTestApp, TestApp } from '../support/test-app';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('approved answers: /templates and replies by templateId', () => {
  let t: TestApp;
  let adminToken: string;
  let manager: SignedInAccount;
  let agent: SignedInAccount;
  const nextLanguage = languageAllocator();

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAdmin(t);
    manager = await createAccount(t, adminToken, { role: 'incident_manager', languages: undefined });
    agent = await createAccount(t, adminToken);
  });
  afterAll(() => t.close());

  const api = (path: string) => `/api/v1/templates${path}`;

  describe('CRUD', () => {
    it('creates, reads, lists, replaces and deletes an approved answer', async () => {
      const body = newTemplateBody();
      const created = await t.http().post(api('')).set(auth(manager.token)).send(body).expect(201);
      expect(created.body).toEqual({ id: expect.any(String), name: body.name, variants: body.variants, updatedAt: expect.any(String) });
      const id = created.body.id as string;

      expect((await t.http().get(api(`/${id}`)).set(auth(agent.token)).expect(200)).body).toEqual(created.body);
      const listed = await t.http().get(api('?language=nl&q=GEANNULEERD')).set(auth(agent.token)).expect(200);
      expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(id);
      const none = await t.http().get(api('?language=fi')).set(auth(agent.token)).expect(200);
      expect(none.body.items.map((item: { id: string }) => item.id)).not.toContain(id);

      const replaced = await t
        .http()
        .put(api(`/${id}`))
        .set(auth(manager.token))
        .send({ name: `${body.name as string} v2`, variants: [{ language: 'de', text: 'Hallo {{passengerName}}' }] })
        .expect(200);
      expect(replaced.body.variants).toEqual([{ language: 'de', text: 'Hallo {{passengerName}}' }]);

      await t.http().delete(api(`/${id}`)).set(auth(manager.token)).expect(204);
      await t.http().get(api(`/${id}`)).set(auth(manager.token)).expect(404);
      await t.http().delete(api(`/${id}`)).set(auth(manager.token)).expect(404);
    });

    it.each([
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(101) }, 'name'],
      [{ variants: [] }, 'variants'],
      [{ variants: [{ language: 'xx', text: 'hi' }] }, 'language'],
      [{ variants: [{ language: 'en', text: 'x'.repeat(2001) }] }, 'text'],
      [{ variants: [{ language: 'en', text: 'a' }, { language: 'en', text: 'b' }] }, 'one variant per language'],
      [{ variants: [{ language: 'en', text: 'Hi {{firstName}}' }] }, '{{firstName}}'],
      [{ unknownField: 1 }, 'unknownField'],
    ])('400 naming the field for %j', async (override, named) => {
      const response = await t.http().post(api('')).set(auth(manager.token)).send(newTemplateBody(override)).expect(400);
      expect(JSON.stringify(response.body.message)).toContain(named);
    });

    it('409 for a name already taken (on create and on replace)', async () => {
      const first = await createTemplate(t, manager.token);
      const second = await createTemplate(t, manager.token);
      const duplicate = await t.http().post(api('')).set(auth(manager.token)).send(newTemplateBody({ name: first.name })).expect(409);
      expect(duplicate.body.message).toContain(first.name);
      await t.http().put(api(`/${second.id}`)).set(auth(manager.token)).send(newTemplateBody({ name: first.name })).expect(409);
    });

    it('401 without a token; 403 for an agent writing; 404 for an unknown id; 400 for a malformed id', async () => {
      await t.http().get(api('')).expect(401);
      await t.http().post(api('')).send(newTemplateBody()).expect(401);
      await t.http().post(api('')).set(auth(agent.token)).send(newTemplateBody()).expect(403);
      const template = await createTemplate(t, manager.token);
      await t.http().put(api(`/${template.id}`)).set(auth(agent.token)).send(newTemplateBody()).expect(403);
      await t.http().delete(api(`/${template.id}`)).set(auth(agent.token)).expect(403);
      await t.http().get(api(`/${MISSING}`)).set(auth(agent.token)).expect(404);
      await t.http().put(api(`/${MISSING}`)).set(auth(manager.token)).send(newTemplateBody()).expect(404);
      const malformed = await t.http().get(api('/not-a-uuid')).set(auth(agent.token)).expect(400);
      expect(malformed.body.message).toContain('id');
    });
  });

  describe('render and replies by templateId', () => {
    it("renders and sends the variant of the passenger's language, else en, else the first", async () => {
      const language = nextLanguage();
      const template = await createTemplate(t, manager.token, {
        variants: [
          { language: 'en', text: 'Dear {{passengerName}}, {{flightNumber}} is cancelled. Expected wait: {{estimatedWait}}. {{agentName}}' },
          { language, text: 'Beste {{passengerName}}, {{flightNumber}} is geannuleerd. Wachttijd: {{estimatedWait}}. {{agentName}}' },
        ],
      });
      const frOnly = await createTemplate(t, manager.token, { variants: [{ language: 'fr', text: 'Bonjour {{passengerName}}{{flightNumber}}' }] });
      const worker = await signedInAgent(t, adminToken, language, { name: 'Ada Lovelace', maxConcurrent: 5 });
      const dutch = await assignedConversation(t, worker, language, { flightNumber: 'KL1234', from: { handle: `@sam_${language}`, name: 'Sam' } });

      const rendered = await t.http().get(api(`/${template.id}/render?conversationId=${dutch.conversationId}`)).set(auth(worker.token)).expect(200);
      expect(rendered.body).toEqual({ language, text: 'Beste Sam, KL1234 is geannuleerd. Wachttijd: less than a minute. Ada' });

      const sent = await t
        .http()
        .post(`/api/v1/conversations/${dutch.conversationId}/replies`)
        .set(auth(worker.token))
        .send({ templateId: template.id })
        .expect(201);
      expect(sent.body).toMatchObject({ kind: 'reply', templateId: template.id, agentId: worker.id, authorId: worker.id, text: rendered.body.text });
      const stored = await t.db.query('SELECT template_id, text, kind FROM replies WHERE id = $1', [sent.body.id]);
      expect(stored.rows[0]).toEqual({ template_id: template.id, text: rendered.body.text, kind: 'reply' });

      // A language without a variant falls back to English; no English variant falls back to the first.
      const otherLanguage = nextLanguage();
      const other = await assignedConversation(t, await signedInAgent(t, adminToken, otherLanguage, { name: 'Ada Lovelace' }), otherLanguage);
      const english = await t.http().get(api(`/${template.id}/render?conversationId=${other.conversationId}`)).set(auth(manager.token)).expect(200);
      expect(english.body.language).toBe('en');
      expect(english.body.text).toBe('Dear Stranded Passenger,  is cancelled. Expected wait: less than a minute. Test');
      const first = await t.http().get(api(`/${frOnly.id}/render?conversationId=${other.conversationId}`)).set(auth(manager.token)).expect(200);
      expect(first.body).toEqual({ language: 'fr', text: 'Bonjour Stranded Passenger' });

      const detail = await t.http().get(`/api/v1/conversations/${dutch.conversationId}`).set(auth(manager.token)).expect(200);
      expect(detail.body.replies).toEqual([expect.objectContaining({ kind: 'reply', templateId: template.id })]);
      expect(detail.body.firstResponseAt).not.toBeNull();
    });

    it('400 for neither or both of text and templateId; 404 for an unknown template; 403 for another agent', async () => {
      const language = nextLanguage();
      const worker = await signedInAgent(t, adminToken, language);
      const conversation = await assignedConversation(t, worker, language);
      const reply = (token: string, body: object) =>
        t.http().post(`/api/v1/conversations/${conversation.conversationId}/replies`).set(auth(token)).send(body);
      expect((await reply(worker.token, {}).expect(400)).body.message).toContain('templateId');
      expect((await reply(worker.token, { text: 'hi', templateId: MISSING }).expect(400)).body.message).toContain('templateId');
      expect((await reply(worker.token, { templateId: 'nope' }).expect(400)).body.message).toContain('templateId');
      expect((await reply(worker.token, { templateId: MISSING }).expect(404)).body.message).toContain(MISSING);
      const template = await createTemplate(t, manager.token);
      await reply(agent.token, { templateId: template.id }).expect(403);

      const render = (token: string, conversationId: string) => t.http().get(api(`/${template.id}/render?conversationId=${conversationId}`)).set(auth(token));
      await render(agent.token, conversation.conversationId).expect(403);
      await render(manager.token, MISSING).expect(404);
      expect((await render(manager.token, 'nope').expect(400)).body.message).toContain('conversationId');
      await t.http().get(api(`/${MISSING}/render?conversationId=${conversation.conversationId}`)).set(auth(manager.token)).expect(404);
      await t.http().get(api(`/${template.id}/render?conversationId=${conversation.conversationId}`)).expect(401);
    });

    it('renders an unknown wait as nothing for a queued conversation nobody speaks', async () => {
      const template = await createTemplate(t, manager.token, { variants: [{ language: 'en', text: 'Wait: [{{estimatedWait}}]' }] });
      const queued = await passengerMessage(t, nextLanguage());
      const rendered = await t.http().get(api(`/${template.id}/render?conversationId=${queued.conversationId}`)).set(auth(manager.token)).expect(200);
      expect(rendered.body.text).toBe('Wait: []');
    });
  });
});
