import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Presence } from '../users/agent.entity';

export interface SurgeRow {
  now: Date;
  incidentName: string | null;
  slaMinutes: number | null;
}

export interface OpenWorkRow {
  status: 'queued' | 'assigned';
  language: string;
  channel: string;
  count: number;
  oldestReceivedAt: Date | null;
  /** no first reply yet and older than the SLA */
  breached: number;
}

/** language null: every available agent, whatever it speaks. */
export interface AvailableAgentsRow {
  language: string | null;
  count: number;
}

export interface FirstResponseRow {
  answered: number;
  withinSla: number;
  p50: number | null;
  p90: number | null;
}

export interface UnroutableRow {
  language: string;
  count: number;
}

export interface LiveFigureRows {
  surge: SurgeRow;
  openWork: OpenWorkRow[];
  /** queued work nobody on the roster can take, per language */
  unroutable: UnroutableRow[];
  availableAgents: AvailableAgentsRow[];
  firstResponse: FirstResponseRow;
  /** per language: the estimated wait of a conversation arriving now (WaitEstimator.forArrivals), filled by the service */
  estimatedWaits: Map<string, number | null>;
}

export interface AgentStatsRow {
  agentId: string;
  name: string;
  load: number;
  maxConcurrent: number;
  presence: Presence;
  handled: number;
  medianFirstResponseSeconds: number | null;
}

/** Open work only: each half walks its partial index (queued / assigned), never the resolved history. */
const OPEN_WORK_SQL = ['queued', 'assigned']
  .map(
    (status) => `
  SELECT '${status}' AS status, language, channel, count(*)::int AS count,
         min(received_at) AS "oldestReceivedAt",
         count(*) FILTER (WHERE first_response_at IS NULL AND received_at <= now() - make_interval(mins => $1))::int AS breached
    FROM conversations WHERE status = '${status}' GROUP BY language, channel`,
  )
  .join(' UNION ALL ');

const AVAILABLE_AGENTS_SQL = `
  SELECT l.code AS language, count(*)::int AS count
    FROM agents a JOIN users u ON u.id = a.user_id JOIN agent_languages l ON l.agent_id = a.user_id
   WHERE a.presence = 'available' AND u.status = 'active' GROUP BY l.code
  UNION ALL
  SELECT NULL, count(*)::int FROM agents a JOIN users u ON u.id = a.user_id WHERE a.presence = 'available' AND u.status = 'active'`;

/** First replies sent in the window (conversations_first_response_idx); percentile_disc is nearest-rank. */
const FIRST_RESPONSE_SQL = `
  WITH answered AS (
    SELECT greatest(0, extract(epoch FROM first_response_at - received_at))::float8 AS seconds
      FROM conversations
     WHERE first_response_at > now() - make_interval(mins => $2) AND first_response_at <= now()
  )
  SELECT count(*)::int AS answered,
         count(*) FILTER (WHERE seconds <= $1 * 60)::int AS "withinSla",
         percentile_disc(0.5) WITHIN GROUP (ORDER BY seconds) AS p50,
         percentile_disc(0.9) WITHIN GROUP (ORDER BY seconds) AS p90
    FROM answered`;

/** Walks conversations_unroutable_idx: only flagged rows. */
const UNROUTABLE_SQL = `
  SELECT language, count(*)::int AS count FROM conversations
   WHERE unroutable_since IS NOT NULL AND status = 'queued' GROUP BY language`;

export interface HistoryRow {
  at: Date;
  waiting: number;
  firstResponses: number;
  p50: number | null;
}

/**
 * Per bucket end: what was waiting then (received, not resolved, no assignment open at that instant:
 * queued work, including work put back in the queue), and the first replies sent within the bucket.
 * Only conversations still open at the window's start or received since are read
 * (conversations_received_idx, conversations_first_response_idx).
 */
const HISTORY_SQL = `
  WITH ends AS (
    SELECT generate_series(now() - make_interval(hours => $1) + make_interval(mins => $2), now(), make_interval(mins => $2)) AS at
  ), relevant AS (
    SELECT id, received_at, resolved_at FROM conversations
     WHERE received_at <= now() AND (resolved_at IS NULL OR resolved_at > now() - make_interval(hours => $1))
  )
  SELECT e.at,
         (SELECT count(*)::int FROM relevant c
           WHERE c.received_at <= e.at AND (c.resolved_at IS NULL OR c.resolved_at > e.at)
             AND NOT EXISTS (SELECT 1 FROM assignments a
                              WHERE a.conversation_id = c.id AND a.assigned_at <= e.at AND (a.ended_at IS NULL OR a.ended_at > e.at))) AS waiting,
         fr.answered AS "firstResponses", fr.p50
    FROM ends e
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS answered,
             percentile_disc(0.5) WITHIN GROUP (ORDER BY greatest(0, extract(epoch FROM first_response_at - received_at))::float8) AS p50
        FROM conversations
       WHERE first_response_at > e.at - make_interval(mins => $2) AND first_response_at <= e.at
    ) fr
   ORDER BY e.at`;

@Injectable()
export class StatsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One repeatable-read snapshot, so every figure is as of the same instant (the transaction's now()). */
  liveFigureRows(defaultSlaMinutes: number, windowMinutes: number): Promise<LiveFigureRows> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const surge = await this.surge(manager);
      const sla = surge.slaMinutes ?? defaultSlaMinutes;
      const openWork: OpenWorkRow[] = await manager.query(OPEN_WORK_SQL, [sla]);
      const availableAgents: AvailableAgentsRow[] = await manager.query(AVAILABLE_AGENTS_SQL);
      const [firstResponse]: FirstResponseRow[] = await manager.query(FIRST_RESPONSE_SQL, [sla, windowMinutes]);
      const unroutable: UnroutableRow[] = await manager.query(UNROUTABLE_SQL);
      return { surge, openWork, unroutable, availableAgents, firstResponse, estimatedWaits: new Map() };
    });
  }

  historyRows(hours: number, bucketMinutes: number): Promise<HistoryRow[]> {
    return this.dataSource.query(HISTORY_SQL, [hours, bucketMinutes]);
  }

  private async surge(manager: EntityManager): Promise<SurgeRow> {
    const [row]: SurgeRow[] = await manager.query(
      `SELECT now() AS now, i.name AS "incidentName", i.sla_minutes AS "slaMinutes"
         FROM (SELECT 1) AS one LEFT JOIN incidents i ON i.surge_active`,
    );
    return row;
  }

  /**
   * A page of agents by name. The first reply of a conversation is credited to the agent who sent
   * it; its time is the conversation's first_response_at - received_at, as in the live figures.
   */
  async agentStatsPage(after: { name: string; id: string } | null, limit: number): Promise<AgentStatsRow[]> {
    return this.dataSource.query(
      `WITH page AS (
         SELECT a.user_id, u.name, a.open_count, a.max_concurrent, a.presence
           FROM agents a JOIN users u ON u.id = a.user_id
          WHERE $1::text IS NULL OR (u.name, a.user_id) > ($1::text, $2::uuid)
          ORDER BY u.name, a.user_id LIMIT $3
       ), handled AS (
         SELECT agent_id, count(*)::int AS handled FROM assignments
          WHERE end_reason = 'resolved' AND agent_id IN (SELECT user_id FROM page) GROUP BY agent_id
       ), first_replies AS (
         -- An acknowledgement is nobody's answer: it never counts as a first reply.
         SELECT DISTINCT ON (r.conversation_id) r.conversation_id, r.agent_id
           FROM replies r WHERE r.kind = 'reply' ORDER BY r.conversation_id, r.created_at, r.id
       ), medians AS (
         SELECT f.agent_id,
                percentile_disc(0.5) WITHIN GROUP (ORDER BY greatest(0, extract(epoch FROM c.first_response_at - c.received_at))::float8) AS median
           FROM first_replies f JOIN conversations c ON c.id = f.conversation_id
          WHERE f.agent_id IN (SELECT user_id FROM page) AND c.first_response_at IS NOT NULL
          GROUP BY f.agent_id
       )
       SELECT p.user_id AS "agentId", p.name, p.open_count AS load, p.max_concurrent AS "maxConcurrent", p.presence,
              coalesce(h.handled, 0) AS handled, m.median AS "medianFirstResponseSeconds"
         FROM page p LEFT JOIN handled h ON h.agent_id = p.user_id LEFT JOIN medians m ON m.agent_id = p.user_id
        ORDER BY p.name, p.user_id`,
      [after?.name ?? null, after?.id ?? null, limit],
    );
  }
}
