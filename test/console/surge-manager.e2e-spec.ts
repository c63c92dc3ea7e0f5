import { createAccount, SignedInAccount } from '../factories/accounts';
import { auth, passengerMessage, pollUntil } from '../factories/conversations';
import { createTemplate, TemplateView } from '../factories/templates';
import { ConsoleRun, logIn, newPage, PHONE, scrollWidth, seriousAccessibilityViolations, startConsoleWithManager } from './console-browser';

const FOR_MANAGERS = 'This screen is for incident managers and admins.';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Detail {
  status: string;
  language: string;
  replies: { text: string; templateId: string | null }[];
  unroutable: { since: string; reason: string } | null;
}

describe('console: flights and work nobody can take', () => {
  let run: ConsoleRun;
  let adminToken: string;
  let manager: SignedInAccount;
  let template: TemplateView;

  const detail = async (id: string): Promise<Detail> =>
    (await run.t.http().get(`/api/v1/conversations/${id}`).set(auth(adminToken)).expect(200)).body as Detail;

  beforeAll(async () => {
    ({ run, adminToken, manager } = await startConsoleWithManager('Fay Manager'));
    template = await createTemplate(run.t, manager.token, {
      name: 'Flight cancelled',
      variants: [
        { language: 'en', text: 'Dear {{passengerName}}, {{flightNumber}} is cancelled.' },
        { language: 'nl', text: 'Beste {{passengerName}}, {{flightNumber}} is geannuleerd.' },
      ],
    });
  });
  afterAll(async () => {
    await run?.close();
  });

  it("replies to every open conversation of a flight from the flights screen, each passenger in their language, once", async () => {
    const kl1234 = await Promise.all(
      (['nl', 'en', 'fi'] as const).map((language, index) =>
        passengerMessage(run.t, language, { flightNumber: 'KL1234', from: { handle: `@kl_${index}_${Date.now()}`, name: `Pax ${language}` } }),
      ),
    );
    const other = await passengerMessage(run.t, 'en', { flightNumber: 'KL9999' });

    const { page, context } = await newPage(run);
    const keys: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/api\/v1\/flights\/[^/]+\/replies$/.test(new URL(request.url()).pathname)) keys.push(request.headers()['idempotency-key']);
    });
    await logIn(page, manager.email, manager.password);
    await page.getByRole('link', { name: 'Flights', exact: true }).click();
    const row = page.getByRole('table').getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'KL1234', exact: true }) });
    await row.waitFor();
    await expect(row.getByRole('cell').allTextContents()).resolves.toEqual(['3', '3', '3', expect.stringMatching(/^(nl|en|fi) 1, (nl|en|fi) 1, (nl|en|fi) 1$/), expect.any(String), 'Reply to KL1234']);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await row.getByRole('button', { name: 'Reply to KL1234', exact: true }).click();
    const form = page.getByRole('form', { name: 'Reply to every open conversation of KL1234', exact: true });
    await form.getByRole('button', { name: 'Send to all', exact: true }).click();
    await form.getByRole('alert').filter({ hasText: 'Write a reply or choose an approved answer.' }).waitFor();
    await form.getByLabel('Approved answer', { exact: true }).selectOption({ label: template.name });
    await form.getByText('Passengers in Finnish (fi) get the English (en) variant.', { exact: true }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Send to all', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'KL1234: replied to 3 conversations.' }).waitFor();
    await page.screenshot({ path: '/tmp/surgeline-console-flights.png', fullPage: true });

    const expected: Record<string, string> = { nl: 'Beste Pax nl, KL1234 is geannuleerd.', en: 'Dear Pax en, KL1234 is cancelled.', fi: 'Dear Pax fi, KL1234 is cancelled.' };
    for (const { conversationId } of kl1234) {
      const replied = await detail(conversationId);
      expect(replied.replies).toEqual([expect.objectContaining({ text: expected[replied.language], templateId: template.id })]);
      expect(replied.status).not.toBe('resolved');
    }
    expect((await detail(other.conversationId)).replies).toEqual([]);

    // The other flight, with a text, resolved as well: a send of its own with a key of its own.
    const otherRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'KL9999', exact: true }) });
    await otherRow.getByRole('button', { name: 'Reply to KL9999', exact: true }).click();
    const otherForm = page.getByRole('form', { name: 'Reply to every open conversation of KL9999', exact: true });
    await otherForm.getByRole('textbox', { name: 'Reply to all', exact: true }).fill('A new flight is booked for you.');
    await otherForm.getByRole('checkbox', { name: 'Resolve them as well', exact: true }).check();
    await otherForm.getByRole('button', { name: 'Send to all', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'KL9999: replied to 1 conversation, resolved 1.' }).waitFor();
    const resolved = await detail(other.conversationId);
    expect(resolved.status).toBe('resolved');
    expect(resolved.replies.map((reply) => reply.text)).toEqual(['A new flight is booked for you.']);
    await page.getByRole('rowheader', { name: 'KL9999', exact: true }).waitFor({ state: 'detached' });

    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(UUID);
    expect(keys[1]).toMatch(UUID);
    expect(keys[0]).not.toBe(keys[1]);
    await context.close();
  });

  it('shows a conversation nobody on the roster can take, with what is missing', async () => {
    // Someone is on the roster, but nobody who speaks Irish.
    const english = await createAccount(run.t, adminToken, { role: 'agent', name: 'Eli English' });
    await run.t.http().post('/api/v1/me/sign-in').set(auth(english.token)).expect(200);
    const stuck = await passengerMessage(run.t, 'ga', { from: { handle: '@niamh_stuck', name: 'Niamh' }, text: 'Cá bhfuil mo mhála?' });
    const flagged = await pollUntil(() => detail(stuck.conversationId), (d) => d.unroutable !== null, 20_000);

    const { page, context } = await newPage(run, PHONE);
    await logIn(page, manager.email, manager.password);
    await page.getByRole('link', { name: 'Work nobody can take', exact: true }).click();
    const list = page.getByRole('region', { name: 'Conversations nobody can take, stuck longest first', exact: true });
    const card = list.getByRole('listitem').filter({ hasText: 'Niamh (@niamh_stuck)' });
    await card.waitFor({ timeout: 15_000 });
    await expect(card.textContent()).resolves.toContain(`Missing: ${flagged.unroutable!.reason}`);
    expect(flagged.unroutable!.reason).toMatch(/^no agent speaks ga at level \d$/);
    const irish = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Irish (ga)', exact: true }) });
    await irish.waitFor({ timeout: 15_000 });
    await expect(irish.getByRole('cell').allTextContents()).resolves.toEqual(['1', '1']);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/surgeline-console-unroutable-375.png', fullPage: true });
    await context.close();
  });

  it('keeps agents out of both screens, and the API refuses them', async () => {
    const agent = await createAccount(run.t, adminToken, { role: 'agent', name: 'Ada Agent' });
    const { page, context } = await newPage(run);
    await logIn(page, agent.email, agent.password);
    for (const [path, api] of [
      ['/flights', '/api/v1/flights'],
      ['/unroutable', '/api/v1/conversations?unroutable=true'],
    ]) {
      expect((await page.goto(path))?.status()).toBe(200);
      await page.getByText(FOR_MANAGERS, { exact: true }).waitFor();
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(0);
      expect(await page.getByRole('button').allTextContents()).toEqual(['Log out']);
      expect((await context.request.get(`${run.baseUrl}${api}`)).status()).toBe(403);
    }
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
