import { randomUUID } from 'crypto';
import { consoleIsBuilt } from '../../src/console/serve-console';
import { startTestApp, TestApp } from '../support/test-app';

/** `<script>` elements without a src attribute: inline code the Content-Security-Policy forbids. */
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>/i;

function directives(csp: string | undefined): Record<string, string> {
  return Object.fromEntries((csp ?? '').split(';').map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name, ...values]) => [name, values.join(' ')]));
}

/** How the service answers a browser: the console at / and its deep links, its own pages beside it, unchanged. */
describe('console serving and security headers', () => {
  let t: TestApp;

  beforeAll(async () => {
    if (!consoleIsBuilt()) throw new Error('The console is not built: run `npm run build` first (dist/web/index.html is missing).');
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(['/', '/desk', `/join/${randomUUID().slice(0, 8).toUpperCase()}`, `/conversations/${randomUUID()}`, '/incidents', '/live-queue', '/rules'])(
    'answers the console address %s with its page',
    async (path) => {
      const response = await t.http().get(path).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toContain('<div id="root"></div>');
      expect(response.text).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
      expect(response.text).not.toMatch(INLINE_SCRIPT);
      expect(response.headers['cache-control']).toBe('no-cache');
    },
  );

  it('answers an unknown console address with the page (its not-found screen) and 404', async () => {
    const response = await t.http().get('/no/such/screen').expect(404);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toContain('<div id="root"></div>');
  });

  it('keeps the JSON 404 for unknown API paths and leaves the API, health and docs alone', async () => {
    const unknown = await t.http().get('/api/v1/no-such-thing').expect(404);
    expect(unknown.headers['content-type']).toMatch(/application\/json/);
    expect(unknown.body).toMatchObject({ statusCode: 404 });
    await t.http().post('/api/v1/auth/login').send({ email: 'nobody@airline.test', password: 'wrong-password' }).expect(401);
    const health = await t.http().get('/health');
    expect(health.headers['content-type']).toMatch(/application\/json/);
    const docs = await t.http().get('/docs-json').expect(200);
    expect(docs.body.openapi).toMatch(/^3\./);
  });

  it('sends a Content-Security-Policy without inline scripts on the console and no X-Powered-By', async () => {
    const response = await t.http().get('/desk').expect(200);
    const csp = directives(response.headers['content-security-policy']);
    expect(csp['script-src']).toBe("'self'");
    expect(csp['script-src-attr']).toBe("'none'");
    expect(csp['default-src']).toBe("'self'");
    expect(csp['object-src']).toBe("'none'");
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const api = await t.http().get('/api/v1/stats/live').expect(200);
    expect(api.headers['x-powered-by']).toBeUndefined();
  });

  it('serves the built assets with a long cache', async () => {
    const index = await t.http().get('/').expect(200);
    const assets = [...index.text.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      const response = await t.http().get(asset).expect(200);
      expect(response.headers['cache-control']).toMatch(/max-age=31536000/);
      expect(response.headers['cache-control']).toMatch(/immutable/);
    }
    const missing = await t.http().get('/assets/no-such-file.js');
    expect(missing.status).toBe(404);
  });

  it('keeps the status page working under the strict policy: no inline script', async () => {
    const response = await t.http().get('/status/').expect(200);
    expect(response.text).toContain('Surgeline live status');
    expect(response.text).not.toMatch(INLINE_SCRIPT);
    expect(response.text).not.toMatch(/<style/i);
    expect(directives(response.headers['content-security-policy'])['script-src']).toBe("'self'");
    await t.http().get('/status/status.js').expect(200).expect('content-type', /javascript/);
  });

  it('relaxes the policy for Swagger UI at /docs only', async () => {
    const docs = await t.http().get('/docs/').expect(200);
    expect(docs.headers['content-type']).toMatch(/^text\/html/);
    expect(directives(docs.headers['content-security-policy'])['script-src']).toContain("'unsafe-inline'");
    const console = await t.http().get('/').expect(200);
    expect(directives(console.headers['content-security-policy'])['script-src']).not.toContain("'unsafe-inline'");
  });
});
