import { createAccount, login, loginAdmin, SignedInAccount } from './accounts';
import { activateSurge, createIncident, createInvite, enrollVolunteer } from './incidents';
import { newMessage, signedIntake } from './intake';
import { invariantViolations as invariantViolationsIn } from '../support/routing-invariants';
import { startTestApp, TestApp } from '../support/test-app';

/** Routing scenarios arranged through the HTTP API: agents on duty, passenger messages, polling. */

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

const SECOND_MS = 1000;

/**
 * Languages handed out one per scenario. An agent speaking only its scenario's languages can never
 * take another scenario's conversation, so scenarios sharing one app stay independent. English is
 * left out on purpose: the default rule falls back to it after half the SLA.
 */
const SCENARIO_LANGUAGES = [
  'fi', 'sv', 'da', 'pl', 'cs', 'hu', 'ro', 'el', 'tr', 'pt', 'it', 'es', 'de', 'fr', 'nl', 'ja', 'ko', 'zh',
  'ar', 'he', 'hi', 'th', 'vi', 'id', 'ms', 'uk', 'ru', 'bg', 'hr', 'sk', 'sl', 'et', 'lv', 'lt', 'is', 'ga',
];

export function languageAllocator(): () => string {
  let next = 0;
  return () => {
    if (next >= SCENARIO_LANGUAGES.length) throw new Error('out of scenario languages');
    return SCENARIO_LANGUAGES[next++];
  };
}

// ---------------------------------------------------------------------------------------------
// Polling

/**
 * Runs `check` until it stops throwing and returns its value; after `timeoutMs` the last failure
 * is thrown. Use it with strict expectations inside: it only waits, it never loosens them.
 */
export async function waitFor<T>(
  check: () => Promise<T> | T,
  { timeoutMs = 10_000, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Runs `check` repeatedly until `untilMs` (epoch ms) has passed; the first failure is thrown at once. */
export async function holdsUntil(check: () => Promise<void> | void, untilMs: number, intervalMs = 100): Promise<void> {
  do {
    await check();
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  } while (Date.now() < untilMs);
  await check();
}

// ---------------------------------------------------------------------------------------------
// Agents

export interface LanguageLevel {
  code: string;
  level: number;
}

export interface SkillLevel {
  name: string;
  level: number;
}

export interface AgentProfile {
  languages: LanguageLevel[];
  skills?: SkillLevel[];
  maxConcurrent?: number;
}

export async function signIn(t: TestApp, token: string): Promise<void> {
  await t.http().post('/api/v1/me/sign-in').set(auth(token)).expect(200);
}

export async function signOut(t: TestApp, token: string): Promise<void> {
  await t.http().post('/api/v1/me/sign-out').set(auth(token)).expect(200);
}

export async function setPresence(t: TestApp, token: string, status: 'available' | 'away'): Promise<void> {
  await t.http().put('/api/v1/me/presence').set(auth(token)).send({ status }).expect(200);
}

/** A staff agent created by the admin with this profile, then signed in (presence available). */
export async function signedInStaffAgent(t: TestApp, adminToken: string, profile: AgentProfile): Promise<SignedInAccount> {
  const agent = await createAccount(t, adminToken, { skills: [], maxConcurrent: 3, ...profile });
  await signIn(t, agent.token);
  return agent;
}

export interface Surge {
  incidentId: string;
  inviteCode: string;
}

/** Opens an incident and switches its surge on; only one surge may be active per app. */
export async function startSurge(t: TestApp, adminToken: string): Promise<Surge> {
  const incident = await createIncident(t, adminToken);
  await activateSurge(t, adminToken, incident.id);
  const invite = await createInvite(t, adminToken, incident.id, { autoApprove: true, maxUses: 100 });
  return { incidentId: incident.id, inviteCode: invite.code };
}

export interface ShiftWindow {
  /** shift start relative to now; negative: already started */
  startsInSeconds: number;
  endsInSeconds: number;
}

export interface ClaimedShift {
  shiftId: string;
  startsAt: string;
  endsAt: string;
}

/** Creates a shift of the surge's incident and has the agent claim it. */
export async function claimNewShift(
  t: TestApp,
  adminToken: string,
  agentToken: string,
  incidentId: string,
  window: ShiftWindow,
): Promise<ClaimedShift> {
  const startsAt = new Date(Date.now() + window.startsInSeconds * SECOND_MS).toISOString();
  const endsAt = new Date(Date.now() + window.endsInSeconds * SECOND_MS).toISOString();
  const shift = await t.http().post('/api/v1/shifts').set(auth(adminToken)).send({ startsAt, endsAt, slots: 1, incidentId }).expect(201);
  await t.http().post(`/api/v1/shifts/${shift.body.id}/claim`).set(auth(agentToken)).expect(200);
  return { shiftId: shift.body.id as string, startsAt, endsAt };
}

/**
 * A volunteer enrolled with the surge's invite, inside a claimed shift (started a minute ago,
 * ending after `window.endsInSeconds`, default two hours) and signed in.
 */
export async function onDutyVolunteer(
  t: TestApp,
  adminToken: string,
  surge: Surge,
  profile: AgentProfile,
  window: ShiftWindow = { startsInSeconds: -60, endsInSeconds: 2 * 3600 },
): Promise<OnDutyVolunteer> {
  const enrolled = await enrollVolunteer(t, surge.inviteCode, { skills: [], maxConcurrent: 3, ...profile });
  const token = await login(t, enrolled.email, enrolled.password);
  const shift = await claimNewShift(t, adminToken, token, surge.incidentId, window);
  await signIn(t, token);
  return { id: enrolled.id, email: enrolled.email, password: enrolled.password, token, shift };
}

export interface OnDutyVolunteer extends SignedInAccount {
  shift: ClaimedShift;
}

/** Agent ids in ascending order: the order round-robin turns follow. */
export const byId = (agents: SignedInAccount[]): SignedInAccount[] => [...agents].sort((a, b) => (a.id < b.id ? -1 : 1));

// ---------------------------------------------------------------------------------------------
// Passenger messages

export interface IntakeAnswer {
  conversationId: string;
  messageId: string;
  status: string;
  duplicate: boolean;
  body: Record<string, unknown>;
}

/** An ISO timestamp `seconds` ago, for a message that has been waiting that long. */
export const secondsAgo = (seconds: number): string => new Date(Date.now() - seconds * SECOND_MS).toISOString();

/** Posts a fresh signed passenger message (own externalId and sender unless overridden); expects 202. */
export async function passengerMessage(t: TestApp, overrides: Record<string, unknown> = {}): Promise<IntakeAnswer> {
  const body = newMessage(overrides);
  const response = await signedIntake(t, body).expect(202);
  return { ...(response.body as Omit<IntakeAnswer, 'body'>), body };
}

// ---------------------------------------------------------------------------------------------
// Reading conversations

/** A decision that found no agent: why the conversation waits. */
export type WaitingDecisionView = Omit<DecisionView, 'candidates' | 'chosenAgentId'>;

export interface DecisionView {
  id: string;
  ruleId: string | null;
  ruleName: string;
  ruleVersion: number;
  escalationStep: number;
  strategy: string;
  requirements: {
    languages: string[] | null;
    minLanguageLevel: number;
    requiredSkills: { name: string; minLevel: number }[];
    agentKinds: string[];
    priority: number;
    strategy: string;
    escalationStep: number;
    [field: string]: unknown;
  };
  candidates: { agentId: string; load: number; maxConcurrent: number; lastAssignedAt: string | null }[];
  chosenAgentId: string;
  reason: string;
  createdAt: string;
}

export interface AssignmentView {
  id: string;
  agentId: string;
  assignedAt: string;
  endedAt: string | null;
  endReason: string | null;
  decisionId: string;
}

export interface ConversationDetail {
  id: string;
  channel: string;
  handle: string;
  language: string;
  status: 'queued' | 'assigned' | 'resolved';
  priority: number;
  escalationStep: number;
  receivedAt: string;
  assignedAgentId: string | null;
  assignedAt: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  messages: { id: string; externalId: string; text: string; language: string; receivedAt: string }[];
  replies: { id: string; agentId: string; text: string }[];
  assignments: AssignmentView[];
  decisions: DecisionView[];
  waiting: WaitingDecisionView | null;
}

const adminTokens = new WeakMap<TestApp, Promise<string>>();

/** The admin's token for this app, signed in once. */
export function adminTokenOf(t: TestApp): Promise<string> {
  let token = adminTokens.get(t);
  if (!token) {
    token = loginAdmin(t);
    adminTokens.set(t, token);
  }
  return token;
}

/** GET /conversations/:id as admin. */
export async function conversationDetail(t: TestApp, conversationId: string): Promise<ConversationDetail> {
  const token = await adminTokenOf(t);
  const response = await t.http().get(`/api/v1/conversations/${conversationId}`).set(auth(token)).expect(200);
  return response.body as ConversationDetail;
}

/**
 * Waits until the conversation is assigned, to `agentId` when given (it may still be on its way
 * from an earlier agent); on timeout the error shows where it is.
 */
export async function waitForAssignment(
  t: TestApp,
  conversationId: string,
  { agentId, timeoutMs = 10_000 }: { agentId?: string; timeoutMs?: number } = {},
): Promise<ConversationDetail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const detail = await conversationDetail(t, conversationId);
    if (detail.status === 'assigned' && (agentId === undefined || detail.assignedAgentId === agentId)) return detail;
    if (Date.now() >= deadline) {
      const wanted = agentId === undefined ? 'assigned' : `assigned to ${agentId}`;
      throw new Error(
        `conversation ${conversationId} not ${wanted} within ${timeoutMs} ms; it is ${detail.status}` +
          `${detail.assignedAgentId ? ` to ${detail.assignedAgentId}` : ''}: ${JSON.stringify(detail.assignments)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface MyConversation {
  id: string;
  status: string;
  messages: { id: string; externalId: string; text: string }[];
}

export async function myConversations(t: TestApp, token: string): Promise<MyConversation[]> {
  const response = await t.http().get('/api/v1/me/conversations').set(auth(token)).expect(200);
  return response.body as MyConversation[];
}

export async function reply(t: TestApp, token: string, conversationId: string, text = 'We are rebooking you now.'): Promise<void> {
  await t.http().post(`/api/v1/conversations/${conversationId}/replies`).set(auth(token)).send({ text }).expect(201);
}

export async function resolve(t: TestApp, token: string, conversationId: string): Promise<void> {
  await t.http().post(`/api/v1/conversations/${conversationId}/resolve`).set(auth(token)).expect(200);
}

// ---------------------------------------------------------------------------------------------
// Postgres, for what the API does not expose

export interface RoutingCounts {
  conversations: number;
  messages: number;
  decisions: number;
  assignments: number;
  openAssignments: number;
}

export async function routingCounts(t: TestApp): Promise<RoutingCounts> {
  const { rows } = await t.db.query<RoutingCounts>(
    `SELECT (SELECT count(*)::int FROM conversations) AS conversations,
            (SELECT count(*)::int FROM messages) AS messages,
            (SELECT count(*)::int FROM routing_decisions) AS decisions,
            (SELECT count(*)::int FROM assignments) AS assignments,
            (SELECT count(*)::int FROM assignments WHERE ended_at IS NULL) AS "openAssignments"`,
  );
  return rows[0];
}

/** received_at exactly as stored (microseconds), to prove a requeue kept the conversation's age. */
export async function storedReceivedAt(t: TestApp, conversationId: string): Promise<string> {
  const { rows } = await t.db.query<{ at: string }>(`SELECT received_at::text AS at FROM conversations WHERE id = $1`, [conversationId]);
  return rows[0].at;
}

/** routing.md's invariants checked in Postgres: an empty object means every one holds. */
export const invariantViolations = (t: TestApp): Promise<Record<string, unknown[]>> => invariantViolationsIn(t.db);

// ---------------------------------------------------------------------------------------------
// The fixture shared by routing specs

export interface RoutingScenario {
  readonly t: TestApp;
  /** The admin's token. */
  readonly admin: string;
  /** A signed-in staff agent with this profile, signed out after the scenario. */
  staff: (profile: AgentProfile) => Promise<SignedInAccount>;
  /** Signs an agent made otherwise (a volunteer, say) out after the scenario; returns it. */
  track: <Agent extends SignedInAccount>(agent: Agent) => Agent;
  /** For an agent signed out some other way: no sign-out after the scenario. */
  untrack: (agent: SignedInAccount) => void;
  /** Waits until a decision found no agent for the conversation (under a rule of this priority) and it still waits in the queue. */
  waitUntilDecidedAndWaiting: (conversationId: string, priority?: number) => Promise<ConversationDetail>;
}

/**
 * Registers the hooks of a routing spec: one app for the whole file (reconciling every 500 ms
 * unless `overrides` say otherwise) with its admin signed in, closed at the end. Each scenario's
 * agents leave after it, so only the next scenario's agents can take its work.
 */
export function useRoutingScenario(overrides: Record<string, string> = {}): RoutingScenario {
  let t: TestApp;
  let admin: string;
  let signedIn: SignedInAccount[] = [];

  beforeAll(async () => {
    t = await startTestApp({ RECONCILE_INTERVAL_MS: '500', ...overrides });
    admin = await adminTokenOf(t);
  });
  afterEach(async () => {
    for (const agent of signedIn) await signOut(t, agent.token);
    signedIn = [];
  });
  afterAll(() => t?.close());

  const track = <Agent extends SignedInAccount>(agent: Agent): Agent => {
    signedIn.push(agent);
    return agent;
  };
  return {
    get t() {
      return t;
    },
    get admin() {
      return admin;
    },
    staff: async (profile) => track(await signedInStaffAgent(t, admin, profile)),
    track,
    untrack: (agent) => {
      signedIn = signedIn.filter((other) => other.id !== agent.id);
    },
    waitUntilDecidedAndWaiting: (conversationId, priority = 6) =>
      waitFor(async () => {
        const detail = await conversationDetail(t, conversationId);
        expect({ status: detail.status, priority: detail.priority, waiting: detail.waiting !== null }).toEqual({ status: 'queued', priority, waiting: true });
        return detail;
      }),
  };
}
