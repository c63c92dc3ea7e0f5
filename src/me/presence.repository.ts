import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AgentKind, Presence } from '../users/agent.entity';
import { SIGN_IN_EARLY_MINUTES, SIGN_OUT_GRACE_MINUTES, TimeWindow } from '../shifts/shift-window';
import { modifyReturning } from '../database/returning';

export interface LockedAgent {
  kind: AgentKind;
  presence: Presence;
  signedInAt: Date | null;
  /** The volunteer's incident's surge; null for staff. */
  surgeActive: boolean | null;
  /** Postgres' clock, so every process judges shift windows by the same time. */
  now: Date;
}

@Injectable()
export class PresenceRepository {
  /**
   * Locks the agent row: sign-in, sign-out and presence changes of one agent run one at a time,
   * and a surge end that expires the agent waits for (then overrides) a sign-in in flight.
   */
  async lockAgent(manager: EntityManager, agentId: string): Promise<LockedAgent | null> {
    const rows: LockedAgent[] = await manager.query(
      `SELECT a.kind, a.presence, a.signed_in_at AS "signedInAt", i.surge_active AS "surgeActive", now() AS now
         FROM agents a LEFT JOIN incidents i ON i.id = a.incident_id
        WHERE a.user_id = $1
          FOR UPDATE OF a`,
      [agentId],
    );
    return rows[0] ?? null;
  }

  /** Claimed shifts that could matter now: opening for sign-in soon, running, or within the grace after their end. */
  async claimWindowsNearNow(manager: EntityManager, agentId: string): Promise<TimeWindow[]> {
    return manager.query(
      `SELECT starts_at AS "startsAt", ends_at AS "endsAt"
         FROM shift_claims
        WHERE agent_id = $1
          AND ends_at > now() - make_interval(mins => $3)
          AND starts_at <= now() + make_interval(mins => $2)
        ORDER BY starts_at`,
      [agentId, SIGN_IN_EARLY_MINUTES, SIGN_OUT_GRACE_MINUTES],
    );
  }

  async markSignedIn(manager: EntityManager, agentId: string): Promise<Date> {
    const rows = await modifyReturning<{ signedInAt: Date }>(
      manager,
      `UPDATE agents SET presence = 'available', signed_in_at = now() WHERE user_id = $1 RETURNING signed_in_at AS "signedInAt"`,
      [agentId],
    );
    return rows[0].signedInAt;
  }

  /** Signing in again ends the agent's exclusions for not answering (a transfer's stay). */
  async liftUnresponsiveExclusions(manager: EntityManager, agentId: string): Promise<void> {
    await manager.query(`DELETE FROM conversation_exclusions WHERE agent_id = $1 AND expires_at IS NOT NULL`, [agentId]);
  }

  async setPresence(manager: EntityManager, agentId: string, presence: Exclude<Presence, 'offline'>): Promise<void> {
    await manager.query(`UPDATE agents SET presence = $2 WHERE user_id = $1`, [agentId, presence]);
  }
}
