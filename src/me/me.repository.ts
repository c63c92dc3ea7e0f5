import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TimeWindow } from '../shifts/shift-window';

export type ClaimedShiftRow = TimeWindow & { id: string; incidentId: string | null };

@Injectable()
export class MeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The agent's claimed shifts that have not ended (current and upcoming), soonest first. */
  async currentAndUpcomingClaims(agentId: string, limit: number): Promise<ClaimedShiftRow[]> {
    return this.dataSource.query(
      `SELECT s.id, s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.incident_id AS "incidentId"
         FROM shift_claims c JOIN shifts s ON s.id = c.shift_id
        WHERE c.agent_id = $1 AND c.ends_at > now()
        ORDER BY c.starts_at, s.id
        LIMIT $2`,
      [agentId, limit],
    );
  }
}
