import fc from 'fast-check';
import { AddressInfo } from 'net';
import { createAccount, loginAdmin } from '../factories/accounts';
import { assignedConversation, passengerMessage, signedInAgent } from '../factories/conversations';
import { createIncident, createInvite } from '../factories/incidents';
import { signatureFor } from '../factories/intake';
import { createRule } from '../factories/rules';
import { createShift } from '../factories/shifts';
import { startTestApp, TEST_ADMIN, TestApp } from '../support/test-app';
import { KnownIds, malformedRequest, MalformedRequest } from './malformed-arbitraries';
import { Operation, operationsOf } from './openapi-operations';

/**
 * Every operation of the OpenAPI document, as admin, as an agent and anonymously, gets generated
 * malformed paths, query strings and bodies; none may be answered with a 5xx (api.md: a 5xx is
 * always a bug) or left unanswered. The seed is fixed so a run is reproducible; FUZZ_RUNS raises
 * the number of requests per operation and identity for a longer local run.
 */
const SEED = 20_241_122;
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 25);
const ANSWER_TIMEOUT_MS = 15_000;
const INTAKE_PATH = '/api/v1/intake/messages';

interface Finding {
  operation: string;
  identity: string;
  /** `<status> <request> → <answer>`, clipped: what a failing run prints. */
  summary: string;
}

/** A seed of its own per operation and identity, so they do not all draw the same sequence of choices. */
const seedFor = (label: string) => [...label].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) | 0, SEED);

const clip = (text: string | undefined, length: number) =>
  text === undefined ? '' : text.length > length ? `${text.slice(0, length)}… (${text.length} chars)` : text;

describe('malformed input never gets a 5xx', () => {
  let t: TestApp;
  let baseUrl: string;
  let operations: Operation[];
  let ids: KnownIds;
  const tokens: Record<string, string | undefined> = { anonymous: undefined };
  const findings: Finding[] = [];
  let sent = 0;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;

    const document = (await t.http().get('/docs-json').expect(200)).body;
    operations = operationsOf(document);

    const adminToken = await loginAdmin(t);
    const agent = await signedInAgent(t, adminToken, 'en');
    const otherAgent = await createAccount(t, adminToken, { languages: [{ code: 'nl', level: 5 }] });
    const adminId = (await t.http().post('/api/v1/auth/login').send(TEST_ADMIN).expect(200)).body.user.id as string;
    const incident = await createIncident(t, adminToken);
    await createInvite(t, adminToken, incident.id);
    const shift = await createShift(t, adminToken);
    const rule = await createRule(t, adminToken);
    const held = await assignedConversation(t, agent, 'en');
    const queued = await passengerMessage(t, 'de');
    tokens.admin = adminToken;
    tokens.agent = agent.token;
    // The fuzzing agent's own id is left out: suspending it would only turn its requests into 403s.
    ids = { uuids: [otherAgent.id, adminId, incident.id, shift.id, rule.id, held.conversationId, queued.conversationId] };
  });

  afterAll(async () => {
    const byOperation = new Map<string, number>();
    for (const finding of findings) byOperation.set(finding.operation, (byOperation.get(finding.operation) ?? 0) + 1);
    console.log(
      `fuzz: ${sent} requests to ${operations?.length ?? 0} operations, ${findings.length} answered >= 500 or not at all` +
        (findings.length ? `: ${[...byOperation].map(([operation, count]) => `${operation} ×${count}`).join(', ')}` : ''),
    );
    await t?.close();
  });

  async function send(request: MalformedRequest, token: string | undefined): Promise<{ status: number; text: string } | null> {
    const headers: Record<string, string> = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    if (request.contentType) headers['Content-Type'] = request.contentType;
    if (request.url.startsWith(INTAKE_PATH) && request.body !== undefined) headers['X-Signature'] = signatureFor(request.body);
    sent++;
    try {
      const response = await fetch(`${baseUrl}${request.url}`, {
        method: request.method,
        headers,
        body: request.body,
        signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
      });
      if ((response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
        await response.body?.cancel();
        return { status: response.status, text: '(event stream)' };
      }
      return { status: response.status, text: await response.text() };
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') return null;
      throw error;
    }
  }

  async function fuzz(identity: string): Promise<void> {
    for (const operation of operations) {
      const property = fc.asyncProperty(malformedRequest(operation, ids), async (request) => {
        const answer = await send(request, tokens[identity]);
        if (answer && answer.status < 500) return;
        findings.push({
          operation: `${operation.method} ${operation.path}`,
          identity,
          summary:
            `${answer?.status ?? 'no answer'} ${request.method} ${clip(request.url, 160)} ${request.contentType ?? ''} ` +
            `${clip(request.body, 200)} → ${clip(answer?.text, 200)}`,
        });
      });
      await fc.assert(property, { seed: seedFor(`${identity} ${operation.id}`), numRuns: RUNS_PER_OPERATION });
    }
  }

  it.each(['anonymous', 'agent', 'admin'])('as %s: every operation answers below 500', async (identity) => {
    const before = findings.length;
    await fuzz(identity);
    expect(findings.slice(before).map((finding) => finding.summary)).toEqual([]);
  }, 600_000);

  it('covers the document', () => {
    expect(operations.length).toBeGreaterThan(40);
    expect(sent).toBe(operations.length * 3 * RUNS_PER_OPERATION);
  });
});
