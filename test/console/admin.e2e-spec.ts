import { login, uniqueEmail } from '../factories/accounts';
import { TEST_ADMIN } from '../support/test-app';
import { ConsoleRun, logIn, newPage, PHONE, scrollWidth, seriousAccessibilityViolations, startConsole } from './console-browser';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('console: an admin creates accounts and imports the roster from CSV', () => {
  let run: ConsoleRun;
  let adminToken: string;

  beforeAll(async () => {
    run = await startConsole();
    adminToken = await login(run.t, TEST_ADMIN.email, TEST_ADMIN.password);
  });
  afterAll(async () => {
    await run?.close();
  });

  it('creates an incident manager, a refused field shown beside it, and the account can log in with its role', async () => {
    const email = uniqueEmail('manager');
    const { page, context } = await newPage(run, PHONE);
    await logIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.getByRole('link', { name: 'Accounts', exact: true }).click();
    await page.getByRole('heading', { name: 'Accounts', exact: true }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Mara Manager');
    await page.getByLabel('Email', { exact: true }).fill(email);
    const password = page.getByLabel('Password', { exact: true });
    await password.fill('short');
    await page.getByLabel('Role', { exact: true }).selectOption('incident_manager');
    await page.getByRole('button', { name: 'Create account', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'The account was not created' }).waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    await page.locator(`[id="${await password.getAttribute('aria-describedby')}"]`).filter({ hasText: /^password must be longer than or equal to 10 characters/ }).waitFor();
    await run.t.http().post('/api/v1/auth/login').send({ email, password: 'short' }).expect(401);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await password.fill('a-long-enough-password');
    await page.getByRole('button', { name: 'Create account', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Account created: Mara Manager, Incident manager.' }).waitFor();
    const session = (await run.t.http().post('/api/v1/auth/login').send({ email, password: 'a-long-enough-password' }).expect(200)).body;
    expect(session.user).toMatchObject({ email, name: 'Mara Manager', role: 'incident_manager' });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it("imports a roster CSV, applying the good lines and showing the bad line's error", async () => {
    const good = uniqueEmail('imported');
    const other = uniqueEmail('imported');
    const bad = uniqueEmail('imported');
    const csv = [
      'name,email,kind,languages,skills,maxConcurrent',
      `Ivo Import,${good},staff,nl:5;en:4,rebooking:3,4`,
      `Bad Line,${bad},staff,xx:5,,3`,
      `Olga Other,${other},staff,fi:5,,2`,
    ].join('\n');
    const { page, context } = await newPage(run);
    await logIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.getByRole('link', { name: 'Roster import', exact: true }).click();
    await page.getByRole('heading', { name: 'Roster import', exact: true }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByLabel('CSV', { exact: true }).waitFor();
    expect(await page.getByLabel('CSV', { exact: true }).inputValue()).toBe(csv);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Imported: 2 created, 0 updated, 1 line with errors.' }).waitFor();

    const report = page.getByRole('table', { name: 'Import report', exact: true });
    const line = async (n: number) =>
      (await report.getByRole('row').filter({ has: page.getByRole('rowheader', { name: String(n), exact: true }) }).getByRole('cell').allTextContents()).map((cell) => cell.trim());
    const [outcome, message, text] = await line(3);
    expect([outcome, text]).toEqual(['error', `Bad Line,${bad},staff,xx:5,,3`]);
    expect(message).toMatch(/xx/);
    expect((await line(2)).slice(0, 2)).toEqual(['created', '']);
    expect((await line(4)).slice(0, 2)).toEqual(['created', '']);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const agents = (await run.t.http().get('/api/v1/agents').query({ limit: 500 }).set(auth(adminToken)).expect(200)).body.items as { email: string; maxConcurrent: number }[];
    expect(agents.find((agent) => agent.email === good)).toMatchObject({ maxConcurrent: 4 });
    expect(agents.find((agent) => agent.email === other)).toMatchObject({ maxConcurrent: 2 });
    expect(agents.some((agent) => agent.email === bad)).toBe(false);
    await context.close();
  });
});
