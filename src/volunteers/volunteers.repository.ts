import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface EnrollmentIncident {
  id: string;
  name: string;
  surgeActive: boolean;
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
      `SELECT id, name, surge_active AS "surgeActive" FROM incidents WHERE id = $1 FOR SHARE`,
      [incidentId],
    );
    return rows[0] ?? null;
  }

  /**
   * Signs out and expires every volunteer of the incident that is not expired yet; returns their ids.
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
    await manager.query(`UPDATE agents SET presence = 'offline', signed_in_at = NULL WHERE user_id = ANY($1::uuid[])`, [ids]);
    await manager.query(`UPDATE users SET status = 'expired', updated_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
    return ids;
  }
}
