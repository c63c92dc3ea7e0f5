import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { conflict, notFound } from '../common/errors/domain-error';
import { TransactionRunner } from '../database/transaction-runner';
import { EventsService } from '../events/events.service';
import { isInsideSignInWindow, keepsVolunteerSignedIn, SIGN_IN_EARLY_MINUTES } from '../shifts/shift-window';
import { PresenceViewDto } from './dto/presence-view.dto';
import { SettablePresence } from './dto/update-presence.dto';
import { LockedAgent, PresenceRepository } from './presence.repository';

export type SignOutReason = 'requested' | 'shift_ended';

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
  ) {}

  /** Staff any time; a volunteer inside a claimed shift (or just before it) while its surge is active. Already signed in → unchanged. */
  async signIn(agent: AuthUser): Promise<PresenceViewDto> {
    return this.transactions.run(async (manager) => {
      const locked = await this.lockAgent(manager, agent.id);
      if (locked.presence !== 'offline') return view(locked);
      if (locked.kind === 'volunteer') await this.assertVolunteerMaySignIn(manager, agent.id, locked);
      const signedInAt = await this.presence.markSignedIn(manager, agent.id);
      await this.events.record(
        { type: 'agent.signed_in', actorId: agent.id, subjectType: 'agent', subjectId: agent.id, payload: { kind: locked.kind } },
        manager,
      );
      return view({ presence: 'available', signedInAt });
    });
  }

  /** Returns whether the agent was signed in (and now is not). */
  async signOut(agentId: string, reason: SignOutReason, actorId: string | null): Promise<boolean> {
    return this.transactions.run((manager) => this.signOutWithin(manager, agentId, reason, actorId));
  }

  /** The sign-out inside a caller's transaction. */
  async signOutWithin(manager: EntityManager, agentId: string, reason: SignOutReason, actorId: string | null): Promise<boolean> {
    const locked = await this.lockAgent(manager, agentId);
    if (locked.presence === 'offline') return false;
    // The sweep chose this agent before taking the lock; a shift claimed since then keeps it signed in.
    if (reason === 'shift_ended' && (await this.coveredByClaimedShift(manager, agentId, locked.now))) return false;
    await this.presence.markSignedOut(manager, agentId);
    await this.events.record(
      { type: 'agent.signed_out', actorId, subjectType: 'agent', subjectId: agentId, payload: { reason } },
      manager,
    );
    return true;
  }

  async changePresence(agent: AuthUser, status: SettablePresence): Promise<PresenceViewDto> {
    return this.transactions.run(async (manager) => {
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
      return view({ presence: status, signedInAt: locked.signedInAt });
    });
  }

  private async lockAgent(manager: EntityManager, agentId: string): Promise<LockedAgent> {
    const locked = await this.presence.lockAgent(manager, agentId);
    if (!locked) throw notFound('agent', agentId);
    return locked;
  }

  private async assertVolunteerMaySignIn(manager: EntityManager, agentId: string, locked: LockedAgent): Promise<void> {
    if (!locked.surgeActive) throw conflict("surge not active: volunteers sign in only while their incident's surge is active");
    const windows = await this.presence.claimWindowsNearNow(manager, agentId);
    if (!windows.some((window) => isInsideSignInWindow(window, locked.now))) {
      throw conflict(`no claimed shift now: sign in from ${SIGN_IN_EARLY_MINUTES} minutes before a claimed shift until it ends`);
    }
  }

  private async coveredByClaimedShift(manager: EntityManager, agentId: string, now: Date): Promise<boolean> {
    const windows = await this.presence.claimWindowsNearNow(manager, agentId);
    return windows.some((window) => keepsVolunteerSignedIn(window, now));
  }
}
