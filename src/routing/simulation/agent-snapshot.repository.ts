import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AGENT_IN_CLAIMED_SHIFT, AGENT_SURGE_ACTIVE } from '../candidate-query';
import { AgentSnapshot } from '../engine';

/** The most agents a dry run explains; the real claim never loads the roster. */
export const SIMULATION_AGENT_LIMIT = 500;

@Injectable()
export class AgentSnapshotRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Signed-in agents as the engine sees them, with their languages and skills. */
  async signedInAgents(): Promise<AgentSnapshot[]> {
    const rows: (Omit<AgentSnapshot, 'excluded'> & { lastAssignedAt: Date | null })[] = await this.dataSource.query(
      `SELECT a.user_id AS id, a.kind, u.status, a.presence, a.open_count AS load, a.max_concurrent AS "maxConcurrent",
              a.last_assigned_at AS "lastAssignedAt", true AS "signedIn",
              ${AGENT_SURGE_ACTIVE} AS "surgeActive",
              ${AGENT_IN_CLAIMED_SHIFT} AS "inShift",
              COALESCE((SELECT json_agg(json_build_object('code', l.code, 'level', l.level))
                          FROM agent_languages l WHERE l.agent_id = a.user_id), '[]') AS languages,
              COALESCE((SELECT json_agg(json_build_object('name', s.name, 'level', s.level))
                          FROM agent_skills s WHERE s.agent_id = a.user_id), '[]') AS skills
         FROM agents a JOIN users u ON u.id = a.user_id
        WHERE a.presence <> 'offline'
        ORDER BY a.user_id
        LIMIT ${SIMULATION_AGENT_LIMIT}`,
    );
    return rows.map((row) => ({ ...row, excluded: false }));
  }
}
