import {
  AgentSnapshot,
  ConversationFacts,
  DEFAULT_RULE,
  evaluateEligibility,
  matchRule,
  RankedCandidate,
  rankCandidates,
  Requirements,
  requirementsAt,
  RoutingRule,
  toRankedCandidate,
} from '../../routing/engine';
import { Arrival } from './arrivals';
import { SeededRandom } from './random';
import { RosterAgent } from './roster';
import { HOUR_MS, MINUTE_MS } from './scenario';
import { SimulationClock } from './simulation-clock';
import { WaitingEntry, WaitingQueue } from './waiting-queue';

const enum State {
  New,
  Waiting,
  Answered,
  Abandoned,
}

export interface SimConversation {
  arrival: Arrival;
  facts: ConversationFacts;
  rule: RoutingRule;
  handleMs: number;
  state: State;
  firstResponseAt: number;
  /** the requirements stored when it started waiting, as production stores them on the row */
  stored: Requirements | null;
  entry: WaitingEntry | null;
  waits: number;
}

interface SimAgent {
  plan: RosterAgent;
  snapshot: AgentSnapshot;
  codes: string[];
  withRoom: boolean;
  signedInAt: number;
}

type Event =
  | { kind: 'arrival' }
  | { kind: 'resolve'; agent: SimAgent }
  | { kind: 'shift-start'; agent: SimAgent }
  | { kind: 'shift-end'; agent: SimAgent }
  | { kind: 'escalate'; conversation: number; wait: number }
  | { kind: 'abandon'; conversation: number };

export interface EngineInput {
  start: number;
  slaMinutes: number;
  patienceMinutes: number;
  handleMinutes: { mean: number; sd: number };
  arrivals: Arrival[];
  roster: RosterAgent[];
  rules: RoutingRule[];
  seed: number;
}

/** What the replay measured, before it is turned into figures. */
export interface EngineOutcome {
  conversations: SimConversation[];
  slotMs: number;
  busyMs: number;
  maxQueued: number;
  hourlyQueued: number[];
  hourlyAgents: number[];
  endedAt: number;
}

/**
 * The replay: passengers arrive, agents sign in and out with their shifts and resolve after a
 * sampled handling time, and every routing decision is the engine's (rule matching, requirements at
 * the escalation step reached, eligibility, ranking). Surge is active throughout.
 *
 * Decisions follow production's two paths: a conversation that arrives or reaches an escalation step
 * is routed to the best eligible agent with room, else it waits with its requirements stored; an
 * agent who gains room (sign-in, resolve) is served the waiting work it may take, highest priority
 * then oldest first. An agent replies the moment a conversation reaches it; an agent whose shift ends
 * takes no new work (presence away), finishes what it holds, then signs out.
 */
export class ReplayEngine {
  private readonly clock: SimulationClock<Event>;
  private readonly conversations: SimConversation[];
  private readonly agents: SimAgent[];
  private readonly agentsById = new Map<string, SimAgent>();
  private readonly roomByLanguage = new Map<string, Set<SimAgent>>();
  private readonly room = new Set<SimAgent>();
  private readonly waiting = new WaitingQueue();
  private readonly turns = new Map<string, string>();
  private nextArrival = 0;
  private finished = 0;
  private onDuty = 0;
  private slotMs = 0;
  private busyMs = 0;
  private maxQueued = 0;
  private readonly hourlyQueued: number[] = [0];
  private readonly hourlyAgents: number[] = [0];

  constructor(private readonly input: EngineInput) {
    this.clock = new SimulationClock<Event>(input.start);
    const handles = new SeededRandom(input.seed ^ 0x4a4e);
    this.conversations = input.arrivals.map((arrival) => ({
      arrival,
      facts: { language: arrival.language, receivedAt: new Date(arrival.at), transfer: null },
      rule: matchRule(input.rules, arrival, { surgeActive: true }) ?? DEFAULT_RULE,
      handleMs: handles.logNormal(input.handleMinutes.mean, input.handleMinutes.sd) * MINUTE_MS,
      state: State.New,
      firstResponseAt: NaN,
      stored: null,
      entry: null,
      waits: 0,
    }));
    this.agents = input.roster.map((plan) => {
      const agent: SimAgent = {
        plan,
        snapshot: {
          id: plan.id,
          kind: plan.kind,
          status: 'active',
          presence: 'offline',
          signedIn: false,
          surgeActive: true,
          inShift: false,
          languages: plan.languages,
          skills: plan.skills,
          load: 0,
          maxConcurrent: plan.maxConcurrent,
          lastAssignedAt: null,
          excluded: false,
        },
        codes: plan.languages.map((l) => l.code.toLowerCase()),
        withRoom: false,
        signedInAt: 0,
      };
      this.agentsById.set(plan.id, agent);
      for (const shift of plan.shifts) {
        this.clock.schedule(shift.start, { kind: 'shift-start', agent });
        if (Number.isFinite(shift.end)) this.clock.schedule(shift.end, { kind: 'shift-end', agent });
      }
      return agent;
    });
    if (this.conversations.length > 0) this.clock.schedule(this.conversations[0].arrival.at, { kind: 'arrival' });
  }

  get done(): boolean {
    return this.finished === this.conversations.length;
  }

  /** Share of conversations answered or abandoned so far. */
  get progress(): number {
    return this.conversations.length === 0 ? 1 : this.finished / this.conversations.length;
  }

  /** Runs at most `budget` events; true once every conversation is answered or abandoned. */
  run(budget = Infinity): boolean {
    for (let n = 0; n < budget && !this.done; n++) {
      const event = this.clock.next();
      if (event === null) break;
      this.handle(event);
      this.observe();
    }
    return this.done || this.clock.pending === 0;
  }

  outcome(): EngineOutcome {
    const endedAt = this.clock.now;
    let slotMs = this.slotMs;
    for (const agent of this.agents) {
      if (agent.snapshot.signedIn) slotMs += (endedAt - agent.signedInAt) * agent.snapshot.maxConcurrent;
    }
    return {
      conversations: this.conversations,
      slotMs,
      busyMs: this.busyMs,
      maxQueued: this.maxQueued,
      hourlyQueued: this.hourlyQueued,
      hourlyAgents: this.hourlyAgents,
      endedAt,
    };
  }

  private handle(event: Event): void {
    switch (event.kind) {
      case 'arrival':
        return this.arrive();
      case 'resolve':
        return this.resolve(event.agent);
      case 'shift-start':
        return this.startShift(event.agent);
      case 'shift-end':
        return this.endShift(event.agent);
      case 'escalate':
        return this.escalate(event.conversation, event.wait);
      case 'abandon':
        return this.abandon(event.conversation);
    }
  }

  private arrive(): void {
    const index = this.nextArrival++;
    const conversation = this.conversations[index];
    if (this.nextArrival < this.conversations.length) {
      this.clock.schedule(this.conversations[this.nextArrival].arrival.at, { kind: 'arrival' });
    }
    this.clock.schedule(conversation.arrival.at + this.input.patienceMinutes * MINUTE_MS, { kind: 'abandon', conversation: index });
    this.decide(index);
  }

  /** One routing decision at the current time: the best eligible agent with room, or wait. */
  private decide(index: number): void {
    const conversation = this.conversations[index];
    const requirements = requirementsAt(conversation.rule, conversation.facts, new Date(this.clock.now), {
      slaMinutes: this.input.slaMinutes,
    });
    const candidates: RankedCandidate[] = [];
    for (const agent of this.agentsWithRoomFor(requirements.languages)) {
      if (evaluateEligibility(agent.snapshot, requirements).eligible) candidates.push(toRankedCandidate(agent.snapshot));
    }
    const turnKey = conversation.rule.id ?? 'default';
    const ranked = rankCandidates(requirements.strategy, candidates, { lastAgentId: this.turns.get(turnKey) ?? null });
    if (ranked.ordered.length === 0) {
      this.wait(index, requirements);
      return;
    }
    const chosen = this.agentsById.get(ranked.ordered[0].agentId)!;
    this.turns.set(turnKey, chosen.plan.id);
    this.assign(index, chosen);
  }

  private wait(index: number, requirements: Requirements): void {
    const conversation = this.conversations[index];
    conversation.state = State.Waiting;
    conversation.stored = requirements;
    conversation.waits++;
    conversation.entry = this.waiting.add(index, requirements.priority, conversation.arrival.at, requirements.languages);
    if (requirements.nextStepAfterSeconds !== null) {
      this.clock.schedule(conversation.arrival.at + requirements.nextStepAfterSeconds * 1000, {
        kind: 'escalate',
        conversation: index,
        wait: conversation.waits,
      });
    }
  }

  private assign(index: number, agent: SimAgent): void {
    const conversation = this.conversations[index];
    const now = this.clock.now;
    conversation.state = State.Answered;
    conversation.firstResponseAt = now;
    this.finished++;
    agent.snapshot.load++;
    agent.snapshot.lastAssignedAt = new Date(now);
    this.busyMs += conversation.handleMs;
    this.clock.schedule(now + conversation.handleMs, { kind: 'resolve', agent });
    this.refreshRoom(agent);
  }

  private resolve(agent: SimAgent): void {
    agent.snapshot.load--;
    if (agent.snapshot.presence === 'away' && agent.snapshot.load === 0) {
      this.signOut(agent);
      return;
    }
    this.refreshRoom(agent);
    this.serve(agent);
  }

  private startShift(agent: SimAgent): void {
    const s = agent.snapshot;
    if (!s.signedIn) {
      s.signedIn = true;
      agent.signedInAt = this.clock.now;
      this.onDuty++;
    }
    s.presence = 'available';
    s.inShift = true;
    this.refreshRoom(agent);
    this.serve(agent);
  }

  private endShift(agent: SimAgent): void {
    agent.snapshot.inShift = false;
    agent.snapshot.presence = 'away';
    this.refreshRoom(agent);
    if (agent.snapshot.load === 0) this.signOut(agent);
  }

  private signOut(agent: SimAgent): void {
    const s = agent.snapshot;
    s.presence = 'offline';
    s.signedIn = false;
    this.onDuty--;
    this.slotMs += (this.clock.now - agent.signedInAt) * s.maxConcurrent;
    this.refreshRoom(agent);
  }

  private escalate(index: number, wait: number): void {
    const conversation = this.conversations[index];
    if (conversation.state !== State.Waiting || conversation.waits !== wait) return;
    this.waiting.remove(conversation.entry!);
    this.decide(index);
  }

  private abandon(index: number): void {
    const conversation = this.conversations[index];
    if (conversation.state !== State.Waiting) return;
    this.waiting.remove(conversation.entry!);
    conversation.state = State.Abandoned;
    this.finished++;
  }

  /** The waiting work this agent may take (by the requirements stored with it), best first. */
  private serve(agent: SimAgent): void {
    while (agent.withRoom && this.waiting.size > 0) {
      let taken = false;
      for (const entry of this.waiting.inOrderFor(agent.codes)) {
        const conversation = this.conversations[entry.conversation];
        if (!evaluateEligibility(agent.snapshot, conversation.stored!).eligible) continue;
        this.waiting.remove(entry);
        this.decide(entry.conversation);
        taken = true;
        break;
      }
      if (!taken) return;
    }
  }

  private *agentsWithRoomFor(languages: string[] | null): Generator<SimAgent> {
    if (languages === null) {
      yield* this.room;
      return;
    }
    if (languages.length === 1) {
      const set = this.roomByLanguage.get(languages[0].toLowerCase());
      if (set) yield* set;
      return;
    }
    const seen = new Set<SimAgent>();
    for (const language of languages) {
      for (const agent of this.roomByLanguage.get(language.toLowerCase()) ?? []) {
        if (seen.has(agent)) continue;
        seen.add(agent);
        yield agent;
      }
    }
  }

  /** Keeps the index of agents on duty with room in step with the snapshot. */
  private refreshRoom(agent: SimAgent): void {
    const s = agent.snapshot;
    const hasRoom = s.presence === 'available' && s.load < s.maxConcurrent;
    if (hasRoom === agent.withRoom) return;
    agent.withRoom = hasRoom;
    for (const code of agent.codes) {
      let set = this.roomByLanguage.get(code);
      if (!set) this.roomByLanguage.set(code, (set = new Set()));
      if (hasRoom) set.add(agent);
      else set.delete(agent);
    }
    if (hasRoom) this.room.add(agent);
    else this.room.delete(agent);
  }

  /** Hourly figures: the most conversations waiting and agents signed in at once in each hour. */
  private observe(): void {
    const hour = Math.max(0, Math.floor((this.clock.now - this.input.start) / HOUR_MS));
    while (this.hourlyQueued.length <= hour) {
      this.hourlyQueued.push(this.waiting.size);
      this.hourlyAgents.push(this.onDuty);
    }
    if (this.waiting.size > this.hourlyQueued[hour]) this.hourlyQueued[hour] = this.waiting.size;
    if (this.onDuty > this.hourlyAgents[hour]) this.hourlyAgents[hour] = this.onDuty;
    if (this.waiting.size > this.maxQueued) this.maxQueued = this.waiting.size;
  }
}
