import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface EnrollmentIncident {
  id: string;
  name: string;
  surgeActive: boolean;
  volunteerMaxConcurrent: number;
}

@Injectable()
export class VolunteersRepository {
  /**
   * FOR SHARE holds off a concurrent surge deactivation (which updates this row) until the
   * enrollment commits, so its expiry sweep sees the new volunteer; an enrollment that waits behind
   * a deactivation reads the surge as off.
   */
  async lockIncidentForEnrollment(manager: EntityManager, incidentId: string): Promise<EnrollmentIncident | null> {
    const rows: EnrollmentIncident[] = await manager.query(
      `SELECT id, name, surge_active AS "surgeActive", volunteer_max_concurrent AS "volunteerMaxConcurrent"
         FROM incidents WHERE id = $1 FOR SHARE`,
      [incidentId],
    );
    return rows[0] ?? null;
  }

  /**
   * Expires every volunteer of the incident that is not expired yet; returns their ids (the caller
   * takes them off duty).
   * Agent rows are locked in id order so two sweeps, or a sweep and a routing claim, cannot deadlock
   * on each other's agents.
   */
  async expireVolunteersOfIncident(manager: EntityManager, incidentId: string): Promise<string[]> {
    const locked: { userId: string }[] = await manager.query(
      `SELECT a.user_id AS "userId" FROM agents a JOIN users u ON u.id = a.user_id
        WHERE a.incident_id = $1 AND a.kind = 'volunteer' AND u.status <> 'expired'
        ORDER BY a.user_id FOR UPDATE OF a`,
      [incidentId],
    );
    const ids = locked.map((row) => row.userId);
    if (ids.length === 0) return ids;
    await manager.query(`UPDATE users SET status = 'expired', updated_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
    return ids;
  }
}
