import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Keyset } from '../common/pagination/page';
import { IncidentStatus, SurgeAction } from './dto/incident-view.dto';

export interface IncidentRow {
  id: string;
  name: string;
  description: string | null;
  status: IncidentStatus;
  slaMinutes: number;
  maxShiftHoursPer24h: number;
  volunteerMaxConcurrent: number;
  surgeActive: boolean;
  surgeActivatedAt: Date | null;
  createdAt: Date;
  closedAt: Date | null;
  /** created_at at full (microsecond) precision, for the list cursor. */
  createdAtKey: string;
}

export interface SurgeEventRow {
  incidentId: string;
  action: SurgeAction;
  actorId: string | null;
  actorName: string | null;
  at: Date;
}

export interface IncidentSettings {
  slaMinutes: number;
  maxShiftHoursPer24h: number;
  volunteerMaxConcurrent: number;
}

export interface NewIncident extends IncidentSettings {
  name: string;
  description: string | null;
  createdBy: string;
}

export type IncidentChanges = Partial<IncidentSettings & { name: string; description: string }>;

export interface IncidentListFilter {
  limit: number;
  after: Keyset | null;
  status?: IncidentStatus;
}

const INCIDENT_COLUMNS = `id, name, description, status, sla_minutes AS "slaMinutes",
  max_shift_hours_per_24h AS "maxShiftHoursPer24h", volunteer_max_concurrent AS "volunteerMaxConcurrent", surge_active AS "surgeActive",
  surge_activated_at AS "surgeActivatedAt", created_at AS "createdAt", closed_at AS "closedAt",
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAtKey"`;

@Injectable()
export class IncidentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertIncident(manager: EntityManager, incident: NewIncident): Promise<IncidentRow> {
    const rows: IncidentRow[] = await manager.query(
      `INSERT INTO incidents (name, description, sla_minutes, max_shift_hours_per_24h, volunteer_max_concurrent, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${INCIDENT_COLUMNS}`,
      [incident.name, incident.description, incident.slaMinutes, incident.maxShiftHoursPer24h, incident.volunteerMaxConcurrent, incident.createdBy],
    );
    return rows[0];
  }

  /** With `lock`, the row stays locked to the end of the transaction: surge and close changes queue up on it. */
  async findIncident(id: string, options: { manager?: EntityManager; lock?: boolean } = {}): Promise<IncidentRow | null> {
    const manager = options.manager ?? this.dataSource.manager;
    const rows: IncidentRow[] = await manager.query(
      `SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id = $1 ${options.lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async findActiveSurge(manager: EntityManager = this.dataSource.manager): Promise<IncidentRow | null> {
    const rows: IncidentRow[] = await manager.query(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE surge_active`);
    return rows[0] ?? null;
  }

  /** Newest first; fetches limit + 1 rows so the caller can tell whether another page follows. */
  async listIncidents(filter: IncidentListFilter): Promise<IncidentRow[]> {
    const params: unknown[] = [filter.limit + 1];
    const conditions: string[] = [];
    if (filter.status) {
      params.push(filter.status);
      conditions.push(`status = $${params.length}`);
    }
    if (filter.after) {
      params.push(filter.after.sortValue, filter.after.id);
      conditions.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    return this.dataSource.query(
      `SELECT ${INCIDENT_COLUMNS} FROM incidents ${where} ORDER BY created_at DESC, id DESC LIMIT $1`,
      params,
    );
  }

  /**
   * Violates incidents_single_active_surge when another incident's surge is on: the index, not a
   * prior read, is what keeps two concurrent activations from both committing.
   */
  async setSurgeActive(manager: EntityManager, id: string, active: boolean): Promise<void> {
    await manager.query(
      `UPDATE incidents SET surge_active = $2::boolean, surge_activated_at = CASE WHEN $2::boolean THEN now() END WHERE id = $1`,
      [id, active],
    );
  }

  async insertSurgeEvent(manager: EntityManager, incidentId: string, action: SurgeAction, actorId: string): Promise<void> {
    await manager.query(`INSERT INTO surge_events (incident_id, action, actor_id) VALUES ($1, $2, $3)`, [incidentId, action, actorId]);
  }

  /** A field left out (undefined) keeps its value; nothing given changes nothing. */
  async updateIncident(manager: EntityManager, id: string, changes: IncidentChanges): Promise<void> {
    const columns: Record<keyof IncidentChanges, string> = {
      name: 'name',
      description: 'description',
      slaMinutes: 'sla_minutes',
      maxShiftHoursPer24h: 'max_shift_hours_per_24h',
      volunteerMaxConcurrent: 'volunteer_max_concurrent',
    };
    const params: unknown[] = [id];
    const sets = (Object.keys(columns) as (keyof IncidentChanges)[])
      .filter((key) => changes[key] !== undefined)
      .map((key) => `${columns[key]} = $${params.push(changes[key])}`);
    if (sets.length === 0) return;
    await manager.query(`UPDATE incidents SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  async closeIncident(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE incidents SET status = 'closed', closed_at = now() WHERE id = $1`, [id]);
  }

  async surgeHistory(incidentIds: string[]): Promise<SurgeEventRow[]> {
    if (incidentIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT e.incident_id AS "incidentId", e.action, e.actor_id AS "actorId", u.name AS "actorName", e.at
         FROM surge_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.incident_id = ANY($1::uuid[])
        ORDER BY e.at, e.id`,
      [incidentIds],
    );
  }
}
