import { readFileSync } from 'fs';
import { Browser, BrowserContext, chromium, Page, Response } from 'playwright-core';
import { consoleIsBuilt } from '../../src/console/serve-console';
import { createAccount, loginAdmin, SignedInAccount } from '../factories/accounts';
import { startTestApp, TestApp } from '../support/test-app';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 740 };

export interface ConsoleRun {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** Reads of the API responses the pages received, to check against the OpenAPI document at close. */
  pendingResponses: Promise<void>[];
  close: () => Promise<void>;
}

/**
 * The real service on a port of its own and a headless Debian Chromium. The console is served from
 * dist/web, which `npm run build` makes (.ci/run builds before `npm test`): without it these tests stop
 * here and say so, rather than failing on a page that is not there.
 */
export async function startConsole(overrides: Record<string, string> = {}): Promise<ConsoleRun> {
  if (!consoleIsBuilt()) throw new Error('The console is not built: run `npm run build` before the browser tests (dist/web/index.html is missing).');
  const t = await startTestApp(overrides);
  await t.app.listen(0, '127.0.0.1');
  const baseUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const pendingResponses: Promise<void>[] = [];
  return {
    t,
    baseUrl,
    browser,
    pendingResponses,
    close: async () => {
      await Promise.all(pendingResponses);
      await browser.close();
      await t.close();
    },
  };
}

/**
 * What the console received from the API joins what the test's own requests received: t.close()
 * fails when the OpenAPI document does not describe one. Event streams never end, so only their
 * status is kept; a body the page closed before it could be read is left out.
 */
function recordApiResponses(run: ConsoleRun, page: Page): void {
  page.on('response', (response: Response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith('/api/')) return;
    run.pendingResponses.push(
      (async () => {
        const method = response.request().method();
        const contentType = response.headers()['content-type'];
        const body = contentType?.startsWith('text/event-stream')
          ? ''
          : await response.body().then(
              (bytes) => (contentType?.startsWith('application/json') ? JSON.parse(bytes.toString('utf8')) : bytes.toString('utf8')),
              () => undefined,
            );
        if (body === undefined) return;
        run.t.received.push({ method, path: url.pathname, status: response.status(), contentType, body });
      })(),
    );
  });
}

/** A fresh browser profile (its own cookies) at the given size, failing the test on any dialog the page opens. */
export async function newPage(run: ConsoleRun, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page; dialogs: string[] }> {
  const context = await run.browser.newContext({ viewport, baseURL: run.baseUrl });
  const page = await context.newPage();
  recordApiResponses(run, page);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { context, page, dialogs };
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * axe-core's serious and critical violations on the page as it is now. The script is evaluated through
 * the DevTools protocol, so the page's Content-Security-Policy does not stop it.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(`
    window.axe.run(document, { resultTypes: ['violations'] }).then((results) =>
      results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.map((node) => node.target.join(' ')) })))
  `) as Promise<AxeViolation[]>;
}

/** How wide the page's content is: more than the viewport means horizontal scrolling. */
export function scrollWidth(page: Page): Promise<number> {
  return page.evaluate('document.documentElement.scrollWidth') as Promise<number>;
}

/** Logs in through the form at `/` and waits for "Log out". */
export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.getByRole('button', { name: 'Log out', exact: true }).waitFor();
}

/** The console, the admin's token and one incident manager: how the incident console's specs start. */
export async function startConsoleWithManager(name = 'Ines Manager'): Promise<{ run: ConsoleRun; adminToken: string; manager: SignedInAccount }> {
  const run = await startConsole();
  const adminToken = await loginAdmin(run.t);
  const manager = await createAccount(run.t, adminToken, { role: 'incident_manager', name });
  return { run, adminToken, manager };
}
