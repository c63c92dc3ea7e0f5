import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { conflict, notFound } from '../common/errors/domain-error';
import { TransactionRunner } from '../database/transaction-runner';
import { EventsService } from '../events/events.service';
import { OffDutyReason, OffDutyService } from '../routing/off-duty.service';
import { RoutingScheduler } from '../routing/routing-scheduler';
import { UnroutableWorkService } from '../routing/unroutable/unroutable-work.service';
import { isInsideSignInWindow, keepsVolunteerSignedIn, SIGN_IN_EARLY_MINUTES } from '../shifts/shift-window';
import { PresenceViewDto } from './dto/presence-view.dto';
import { SettablePresence } from './dto/update-presence.dto';
import { LockedAgent, PresenceRepository } from './presence.repository';

export type SignOutReason = Extract<OffDutyReason, 'requested' | 'shift_ended'>;

const view = (agent: Pick<LockedAgent, 'presence' | 'signedInAt'>): PresenceViewDto => ({
  presence: agent.presence,
  signedInAt: agent.signedInAt?.toISOString() ?? null,
});

/**
 * An agent's sign-in, sign-out and presence. Each is one method so work that must follow them
 * (requeueing a signed-out agent's conversations, routing waiting work to a newly available one)
 * has one place to go.
 */
@Injectable()
export class PresenceService {
  constructor(
    private readonly presence: PresenceRepository,
    private readonly transactions: TransactionRunner,
    private readonly events: EventsService,
    private readonly offDuty: OffDutyService,
    private readonly routing: RoutingScheduler,
    private readonly unroutable: UnroutableWorkService,
  ) {}

  /** Staff any time; a volunteer inside a claimed shift (or just before it) while its surge is active. Already signed in → unchanged. */
  async signIn(agent: AuthUser): Promise<PresenceViewDto> {
    return this.transactions.run(async (manager, effects) => {
      const locked = await this.lockAgent(manager, agent.id);
      if (locked.presence !== 'offline') return view(locked);
      const workFrom = locked.kind === 'volunteer' ? await this.volunteerShiftStart(manager, agent.id, locked) : undefined;
      const signedInAt = await this.presence.markSignedIn(manager, agent.id);
      await this.presence.liftUnresponsiveExclusions(manager, agent.id);
      await this.events.record(
        { type: 'agent.signed_in', actorId: agent.id, subjectType: 'agent', subjectId: agent.id, payload: { kind: locked.kind } },
        manager,
      );
      effects.add('unflag work the agent can take', () => this.unroutable.unflagWorkFor(agent.id));
      // A volunteer signed in early takes work once its shift starts.
      effects.add('serve agent after sign-in', () => this.routing.serveAgent(agent.id, workFrom));
      return view({ presence: 'available', signedInAt });
    });
  }

  /**
   * Returns whether the agent was signed in (and now is not). Its open conversations go back to the
   * queue in the same commit, keeping their age, and are routed again once it is committed.
   */
  async signOut(agentId: string, reason: SignOutReason, actorId: string | null): Promise<boolean> {
    return this.transactions.run(async (manager, effects) => {
      const locked = await this.lockAgent(manager, agentId);
      if (locked.presence === 'offline') return false;
      // The sweep chose this agent before taking the lock; a shift claimed since then keeps it signed in.
      if (reason === 'shift_ended' && (await this.coveredByClaimedShift(manager, agentId, locked.now))) return false;
      await this.offDuty.takeOffDuty(manager, effects, agentId, reason, actorId);
      return true;
    });
  }

  async changePresence(agent: AuthUser, status: SettablePresence): Promise<PresenceViewDto> {
    return this.transactions.run(async (manager, effects) => {
      const locked = await this.lockAgent(manager, agent.id);
      if (locked.presence === 'offline') throw conflict('sign in first: presence can change only while signed in');
      if (locked.presence === status) return view(locked);
      await this.presence.setPresence(manager, agent.id, status);
      await this.events.record(
        {
          type: 'agent.presence_changed',
          actorId: agent.id,
          subjectType: 'agent',
          subjectId: agent.id,
          payload: { from: locked.presence, to: status },
        },
        manager,
      );
      // Back to available: the waiting work this agent can take comes to it now.
      if (status === 'available') effects.add('serve available agent', () => this.routing.serveAgent(agent.id));
      return view({ presence: status, signedInAt: locked.signedInAt });
    });
  }

  private async lockAgent(manager: EntityManager, agentId: string): Promise<LockedAgent> {
    const locked = await this.presence.lockAgent(manager, agentId);
    if (!locked) throw notFound('agent', agentId);
    return locked;
  }

  /** Refuses a volunteer outside its surge or its claimed shifts; else when the shift it signs in for starts. */
  private async volunteerShiftStart(manager: EntityManager, agentId: string, locked: LockedAgent): Promise<Date> {
    if (!locked.surgeActive) throw conflict("surge not active: volunteers sign in only while their incident's surge is active");
    const windows = await this.presence.claimWindowsNearNow(manager, agentId);
    const shift = windows.find((window) => isInsideSignInWindow(window, locked.now));
    if (!shift) {
      throw conflict(`no claimed shift now: sign in from ${SIGN_IN_EARLY_MINUTES} minutes before a claimed shift until it ends`);
    }
    return new Date(shift.startsAt);
  }

  private async coveredByClaimedShift(manager: EntityManager, agentId: string, now: Date): Promise<boolean> {
    const windows = await this.presence.claimWindowsNearNow(manager, agentId);
    return windows.some((window) => keepsVolunteerSignedIn(window, now));
  }
}
