import {
  adminTokenOf,
  invariantViolations,
  languageAllocator,
  myConversations,
  passengerMessage,
  signedInStaffAgent,
  signOut,
  waitForAssignment,
} from '../factories/routing';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Routing with the smallest connection pools allowed: concurrent claims, serving and requeues must
 * never hold one pooled connection while waiting for another, or they would all wait forever.
 */
describe('routing with a request pool of two connections and a routing pool of one', () => {
  let t: TestApp;
  let admin: string;
  const nextLanguage = languageAllocator();

  beforeAll(async () => {
    t = await startTestApp({ RECONCILE_INTERVAL_MS: '500', DATABASE_POOL_SIZE: '2', ROUTING_POOL_SIZE: '1' });
    admin = await adminTokenOf(t);
  });
  afterAll(() => t?.close());

  it('routes a burst of conversations, then re-routes a signed-out agent’s share', async () => {
    const language = nextLanguage();
    const profile = { languages: [{ code: language, level: 5 }], maxConcurrent: 20 };
    const leaving = await signedInStaffAgent(t, admin, profile);
    const staying = await signedInStaffAgent(t, admin, profile);

    const messages = await Promise.all(Array.from({ length: 12 }, () => passengerMessage(t, { language })));
    const details = await Promise.all(messages.map((m) => waitForAssignment(t, m.conversationId)));
    expect(details.filter((d) => d.assignedAgentId === leaving.id)).toHaveLength(6);
    expect(details.filter((d) => d.assignedAgentId === staying.id)).toHaveLength(6);

    await signOut(t, leaving.token);
    await Promise.all(messages.map((m) => waitForAssignment(t, m.conversationId, { agentId: staying.id })));
    expect(await myConversations(t, staying.token)).toHaveLength(12);
    expect(await invariantViolations(t)).toEqual({});
  });
});
