import { conversationDetail, languageAllocator, passengerMessage, useRoutingScenario, waitForAssignment } from '../factories/routing';
import { createRule } from '../factories/rules';

/**
 * The pump locks the conversations it is asked to decide with SKIP LOCKED. One that another
 * transaction holds at that moment (a reply, a note, the unroutable flag) is still owed its decision.
 */
describe('a conversation locked elsewhere when its decision is due', () => {
  // No periodic pass within the test: only the pump may decide the conversation again.
  const scenario = useRoutingScenario({ RECONCILE_INTERVAL_MS: '600000' });
  const nextLanguage = languageAllocator();

  it('is decided once the other transaction lets it go', async () => {
    const [language, fallback] = [nextLanguage(), nextLanguage()];
    await createRule(scenario.t, scenario.admin, {
      match: { languages: [language] },
      route: { escalation: [{ afterSeconds: 2, fallbackLanguages: [fallback] }] },
    });
    const agent = await scenario.staff({ languages: [{ code: fallback, level: 5 }] });
    const { conversationId } = await passengerMessage(scenario.t, { language });
    await scenario.waitUntilDecidedAndWaiting(conversationId, 5);

    // Held across the moment the escalation asks for a new decision by name.
    const holder = await scenario.t.db.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM conversations WHERE id = $1 FOR UPDATE', [conversationId]);
      await new Promise((resolve) => setTimeout(resolve, 3500));
      expect((await conversationDetail(scenario.t, conversationId)).escalationStep).toBe(0);
      await holder.query('COMMIT');
    } finally {
      holder.release();
    }

    const assigned = await waitForAssignment(scenario.t, conversationId, { agentId: agent.id, timeoutMs: 5000 });
    expect(assigned.decisions[0]).toMatchObject({ escalationStep: 1 });
  });
});
