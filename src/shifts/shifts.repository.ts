import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Keyset } from '../common/pagination/page';
import { SIGN_IN_EARLY_MINUTES, SIGN_OUT_GRACE_MINUTES, TimeWindow } from './shift-window';
import { modifyReturning } from '../database/returning';

export interface ShiftRow {
  id: string;
  incidentId: string | null;
  startsAt: Date;
  endsAt: Date;
  slots: number;
  claimed: number;
  languages: string[];
  skills: string[];
  claimedBy: { agentId: string; name: string }[];
}

export interface NewShift {
  startsAt: Date;
  endsAt: Date;
  slots: number;
  languages: string[];
  skills: string[];
  incidentId: string | null;
  createdBy: string;
}

export interface ShiftFilter {
  from?: Date;
  to?: Date;
  openOnly: boolean;
  after: Keyset | null;
  limit: number;
}

/** Whose claims a reader sees: every claimant, or only its own (`viewerId`). */
export type ClaimantScope = { all: true } | { all: false; viewerId: string };

/** $1 is the viewer whose claim alone is listed, or NULL for every claimant. */
const SHIFT_COLUMNS = `
  s.id, s.incident_id AS "incidentId", s.starts_at AS "startsAt", s.ends_at AS "endsAt",
  s.slots, s.claimed, s.languages, s.skills,
  COALESCE((
    SELECT json_agg(json_build_object('agentId', c.agent_id, 'name', u.name) ORDER BY c.claimed_at, c.agent_id)
      FROM shift_claims c JOIN users u ON u.id = c.agent_id
     WHERE c.shift_id = s.id AND ($1::uuid IS NULL OR c.agent_id = $1::uuid)
  ), '[]'::json) AS "claimedBy"`;

const viewerParam = (scope: ClaimantScope) => (scope.all ? null : scope.viewerId);

@Injectable()
export class ShiftsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async incidentStatus(manager: EntityManager, incidentId: string): Promise<'open' | 'closed' | null> {
    const rows: { status: 'open' | 'closed' }[] = await manager.query(`SELECT status FROM incidents WHERE id = $1`, [incidentId]);
    return rows[0]?.status ?? null;
  }

  async insertShift(manager: EntityManager, shift: NewShift): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO shifts (starts_at, ends_at, slots, languages, skills, incident_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [shift.startsAt, shift.endsAt, shift.slots, shift.languages, shift.skills, shift.incidentId, shift.createdBy],
    );
    return rows[0].id;
  }

  async findShift(id: string, scope: ClaimantScope, manager: EntityManager = this.dataSource.manager): Promise<ShiftRow | null> {
    const rows: ShiftRow[] = await manager.query(`SELECT ${SHIFT_COLUMNS} FROM shifts s WHERE s.id = $2`, [viewerParam(scope), id]);
    return rows[0] ?? null;
  }

  /** Ordered by start then id; fetches limit + 1 rows so the caller knows whether a page follows. */
  async listShifts(filter: ShiftFilter, scope: ClaimantScope): Promise<ShiftRow[]> {
    const params: unknown[] = [viewerParam(scope)];
    const conditions: string[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.from) conditions.push(`s.ends_at > ${param(filter.from)}`);
    if (filter.to) conditions.push(`s.starts_at < ${param(filter.to)}`);
    if (filter.openOnly) conditions.push(`s.claimed < s.slots AND s.ends_at > now()`);
    if (filter.after) {
      conditions.push(`(s.starts_at, s.id) > (${param(filter.after.sortValue)}::timestamptz, ${param(filter.after.id)}::uuid)`);
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    return this.dataSource.query(
      `SELECT ${SHIFT_COLUMNS} FROM shifts s ${where} ORDER BY s.starts_at, s.id LIMIT ${param(filter.limit + 1)}`,
      params,
    );
  }

  /**
   * Takes one slot. The row lock of the UPDATE serialises concurrent claims and the WHERE is
   * re-checked against the committed row, so the last slot goes to exactly one caller.
   */
  async takeSlot(manager: EntityManager, shiftId: string): Promise<TimeWindow | null> {
    const rows = await modifyReturning<TimeWindow>(
      manager,
      `UPDATE shifts SET claimed = claimed + 1
        WHERE id = $1 AND claimed < slots AND ends_at > now()
        RETURNING starts_at AS "startsAt", ends_at AS "endsAt"`,
      [shiftId],
    );
    return rows[0] ?? null;
  }

  async releaseSlot(manager: EntityManager, shiftId: string): Promise<void> {
    await manager.query(`UPDATE shifts SET claimed = claimed - 1 WHERE id = $1`, [shiftId]);
  }

  /** The shift as its claim rules need it: to explain why a slot could not be taken. */
  async claimState(manager: EntityManager, shiftId: string): Promise<{ incidentId: string | null; over: boolean; full: boolean } | null> {
    const rows: { incidentId: string | null; over: boolean; full: boolean }[] = await manager.query(
      `SELECT incident_id AS "incidentId", ends_at <= now() AS over, claimed >= slots AS full FROM shifts WHERE id = $1`,
      [shiftId],
    );
    return rows[0] ?? null;
  }

  async agentIncident(manager: EntityManager, agentId: string): Promise<string | null> {
    const rows: { incidentId: string | null }[] = await manager.query(
      `SELECT incident_id AS "incidentId" FROM agents WHERE user_id = $1`,
      [agentId],
    );
    return rows[0]?.incidentId ?? null;
  }

  /**
   * Serialises the claims of one volunteer, so two claims at once cannot both see room in the same
   * 24 hours. A transaction-level advisory lock rather than the agent's row lock: routing claims
   * lock agent rows with SKIP LOCKED, and a shift claim must not make an agent skipped.
   */
  async lockClaimsOf(manager: EntityManager, agentId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('shift-claims:' || $1, 0))`, [agentId]);
  }

  /** The limit of the volunteer's own incident; null for staff. */
  async dailyHoursLimitOf(manager: EntityManager, agentId: string): Promise<number | null> {
    const rows: { maxHours: number }[] = await manager.query(
      `SELECT i.max_shift_hours_per_24h AS "maxHours"
         FROM agents a JOIN incidents i ON i.id = a.incident_id
        WHERE a.user_id = $1 AND a.kind = 'volunteer'`,
      [agentId],
    );
    return rows[0]?.maxHours ?? null;
  }

  /** The agent's claims that could share a 24-hour window with `window`. */
  async claimsNear(manager: EntityManager, agentId: string, window: TimeWindow): Promise<TimeWindow[]> {
    return manager.query(
      `SELECT starts_at AS "startsAt", ends_at AS "endsAt" FROM shift_claims
        WHERE agent_id = $1 AND ends_at > $2::timestamptz - interval '24 hours' AND starts_at < $3::timestamptz + interval '24 hours'`,
      [agentId, window.startsAt, window.endsAt],
    );
  }

  async hasClaim(manager: EntityManager, shiftId: string, agentId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM shift_claims WHERE shift_id = $1 AND agent_id = $2`, [shiftId, agentId]);
    return rows.length > 0;
  }

  /** The window is copied onto the claim so the exclusion constraint can forbid overlapping claims. */
  async insertClaim(manager: EntityManager, shiftId: string, agentId: string, window: TimeWindow): Promise<void> {
    await manager.query(`INSERT INTO shift_claims (shift_id, agent_id, starts_at, ends_at) VALUES ($1, $2, $3, $4)`, [
      shiftId,
      agentId,
      window.startsAt,
      window.endsAt,
    ]);
  }

  async deleteClaim(manager: EntityManager, shiftId: string, agentId: string): Promise<boolean> {
    const [, count] = (await manager.query(`DELETE FROM shift_claims WHERE shift_id = $1 AND agent_id = $2`, [shiftId, agentId])) as [
      unknown,
      number,
    ];
    return count > 0;
  }

  async claimedWindowsOf(agentId: string): Promise<(TimeWindow & { shiftId: string })[]> {
    return this.dataSource.query(
      `SELECT shift_id AS "shiftId", starts_at AS "startsAt", ends_at AS "endsAt" FROM shift_claims WHERE agent_id = $1 ORDER BY starts_at`,
      [agentId],
    );
  }

  /**
   * Volunteers still signed in although no claimed shift covers now: none opened for sign-in
   * (SIGN_IN_EARLY_MINUTES before its start) and still within SIGN_OUT_GRACE_MINUTES after its
   * end. Same bounds as keepsVolunteerSignedIn in shift-window.ts.
   */
  async findVolunteersPastShiftEnd(): Promise<string[]> {
    const rows: { agentId: string }[] = await this.dataSource.query(
      `SELECT a.user_id AS "agentId"
         FROM agents a
        WHERE a.kind = 'volunteer' AND a.presence <> 'offline'
          AND NOT EXISTS (
                SELECT 1 FROM shift_claims c
                 WHERE c.agent_id = a.user_id
                   AND c.ends_at > now() - make_interval(mins => $2)
                   AND c.starts_at <= now() + make_interval(mins => $1))
        ORDER BY a.user_id`,
      [SIGN_IN_EARLY_MINUTES, SIGN_OUT_GRACE_MINUTES],
    );
    return rows.map((row) => row.agentId);
  }
}
