import { Page } from 'playwright-core';
import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { auth, passengerMessage, pollUntil, waitForAssignment } from '../factories/conversations';
import { createTemplate, TemplateView } from '../factories/templates';
import { ConsoleRun, logIn, newPage, seriousAccessibilityViolations, startConsole } from './console-browser';

const PASSENGER = { handle: '@sanne_vries', name: 'Sanne de Vries' };
const DUTCH_ANSWER = 'Beste Sanne de Vries, KL1234 is geannuleerd; Noor heeft u omgeboekt.';

interface Detail {
  status: string;
  assignedAgentId: string | null;
  replies: { text: string; templateId: string | null; agentId: string | null; kind: string }[];
  notes: { text: string; author: { id: string; name: string } }[];
}

describe('console: the surge desk tools in the conversation view', () => {
  let run: ConsoleRun;
  let adminToken: string;
  let noor: SignedInAccount;
  let template: TemplateView;
  let earlierId: string;
  let conversationId: string;
  let page: Page;

  const detail = async (id: string): Promise<Detail> =>
    (await run.t.http().get(`/api/v1/conversations/${id}`).set(auth(adminToken)).expect(200)).body as Detail;

  beforeAll(async () => {
    run = await startConsole();
    adminToken = await loginAdmin(run.t);
    const manager = await createAccount(run.t, adminToken, { role: 'incident_manager', name: 'Mia Manager' });
    // Created before the one that matters, so a list in name or age order alone would not put it first.
    await createTemplate(run.t, manager.token, { name: 'Baggage delayed', variants: [{ language: 'en', text: 'Your bag is on its way, {{passengerName}}.' }] });
    template = await createTemplate(run.t, manager.token, {
      name: 'Rebooked after cancellation',
      variants: [
        { language: 'en', text: 'Dear {{passengerName}}, {{flightNumber}} is cancelled; {{agentName}} has rebooked you.' },
        { language: 'nl', text: 'Beste {{passengerName}}, {{flightNumber}} is geannuleerd; {{agentName}} heeft u omgeboekt.' },
      ],
    });
    noor = await createAccount(run.t, adminToken, { name: 'Noor Jansen', languages: [{ code: 'nl', level: 5 }], maxConcurrent: 3 });
    await run.t.http().post('/api/v1/me/sign-in').set(auth(noor.token)).expect(200);

    // The passenger wrote before: that conversation was answered and resolved.
    const earlier = await passengerMessage(run.t, 'nl', { from: PASSENGER, text: 'Waar is mijn koffer?' });
    earlierId = earlier.conversationId;
    await waitForAssignment(run.t, noor, earlierId);
    await run.t.http().post(`/api/v1/conversations/${earlierId}/resolve`).set(auth(noor.token)).expect(200);

    const now = await passengerMessage(run.t, 'nl', { from: PASSENGER, text: 'Mijn vlucht KL 1234 is geannuleerd!', flightNumber: 'kl 1234' });
    conversationId = now.conversationId;
    await waitForAssignment(run.t, noor, conversationId);
    ({ page } = await newPage(run));
    await logIn(page, noor.email, noor.password);
  });
  afterAll(async () => {
    await run?.close();
  });

  it("answers with an approved answer: the preview and the reply sent are the variant in the passenger's language", async () => {
    await page.goto(`/conversations/${conversationId}`);
    const answers = page.getByRole('region', { name: 'Approved answers', exact: true });
    const choice = answers.getByLabel('Approved answer', { exact: true });
    await choice.waitFor();
    await expect(choice.locator('option').allTextContents()).resolves.toEqual(['Choose an approved answer', 'Rebooked after cancellation', 'Baggage delayed']);
    await choice.selectOption({ label: template.name });
    const preview = answers.getByRole('region', { name: 'Preview', exact: true });
    await preview.getByText(DUTCH_ANSWER, { exact: true }).waitFor();
    await expect(preview.textContent()).resolves.toContain('Dutch (nl)');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await answers.getByRole('button', { name: 'Send approved answer', exact: true }).click();
    await answers.getByRole('status').filter({ hasText: 'Approved answer sent.' }).waitFor();
    await page.getByRole('region', { name: 'Messages', exact: true }).getByRole('listitem').filter({ hasText: DUTCH_ANSWER }).waitFor();
    await page.screenshot({ path: '/tmp/surgeline-console-approved-answer.png', fullPage: true });

    const sent = await detail(conversationId);
    expect(sent.replies.map(({ text, templateId, agentId, kind }) => ({ text, templateId, agentId, kind }))).toEqual([
      { text: DUTCH_ANSWER, templateId: template.id, agentId: noor.id, kind: 'reply' },
    ]);
    const render = await run.t.http().get(`/api/v1/templates/${template.id}/render`).query({ conversationId }).set(auth(noor.token)).expect(200);
    expect(render.body).toEqual({ language: 'nl', text: sent.replies[0].text });
  });

  it("adds a note that is listed, and shows the passenger's earlier conversation", async () => {
    const notes = page.getByRole('region', { name: 'Notes', exact: true });
    await notes.getByText('No notes yet.', { exact: true }).waitFor();
    const text = 'Passenger <b>prefers</b> a morning flight; check tomorrow.';
    await notes.getByRole('textbox', { name: 'New note', exact: true }).fill(text);
    await notes.getByRole('button', { name: 'Add note', exact: true }).click();
    await notes.getByRole('status').filter({ hasText: 'Note added.' }).waitFor();
    const listed = notes.getByRole('listitem');
    await expect(listed.allTextContents()).resolves.toEqual([expect.stringContaining(text)]);
    await expect(listed.first().textContent()).resolves.toContain('Noor Jansen');
    expect((await detail(conversationId)).notes.map((note) => [note.text, note.author.id])).toEqual([[text, noor.id]]);

    const history = page.getByRole('region', { name: 'Earlier conversations', exact: true }).getByRole('listitem');
    await expect(history.allTextContents()).resolves.toEqual([expect.stringMatching(/resolved · with Noor Jansen · resolved /)]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/surgeline-console-notes.png', fullPage: true });
  });

  it("shows a transfer's note to the agent who takes the conversation over", async () => {
    await page.getByRole('button', { name: 'Transfer', exact: true }).click();
    await page.getByLabel('Note', { exact: true }).fill('Refund asked for twice: please handle.');
    await page.getByRole('button', { name: 'Confirm transfer', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Conversation transferred.' }).waitFor();

    const piet = await createAccount(run.t, adminToken, { name: 'Piet Bakker', languages: [{ code: 'nl', level: 4 }] });
    await run.t.http().post('/api/v1/me/sign-in').set(auth(piet.token)).expect(200);
    await pollUntil(() => detail(conversationId), (d) => d.assignedAgentId === piet.id);
    const { page: pietPage, context } = await newPage(run);
    await logIn(pietPage, piet.email, piet.password);
    await pietPage.goto(`/conversations/${conversationId}`);
    const notes = pietPage.getByRole('region', { name: 'Notes', exact: true }).getByRole('listitem');
    await notes.filter({ hasText: 'Refund asked for twice: please handle.' }).waitFor();
    await expect(notes.count()).resolves.toBe(2);
    await expect(notes.last().textContent()).resolves.toContain('Noor Jansen');
    await context.close();
  });
});
