import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** How far back handling times are measured. */
const HANDLE_WINDOW_DAYS = 7;

export interface LanguageFigure {
  language: string;
  value: number;
}

export interface ScheduledRow {
  start: Date;
  language: string;
  agents: number;
}

@Injectable()
export class StaffingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Conversations received per language over the last `minutes`. */
  async recentArrivals(minutes: number): Promise<LanguageFigure[]> {
    return this.dataSource.query(
      `SELECT language, count(*)::int AS value FROM conversations
        WHERE received_at > now() - make_interval(mins => $1) AND received_at <= now()
        GROUP BY language`,
      [minutes],
    );
  }

  /** Mean seconds from assignment to resolve per language, over the assignments resolved lately. */
  async meanHandleSeconds(): Promise<LanguageFigure[]> {
    return this.dataSource.query(
      `SELECT c.language, avg(extract(epoch FROM a.ended_at - a.assigned_at))::float8 AS value
         FROM assignments a JOIN conversations c ON c.id = a.conversation_id
        WHERE a.end_reason = 'resolved' AND a.ended_at > now() - make_interval(days => $1)
        GROUP BY c.language`,
      [HANDLE_WINDOW_DAYS],
    );
  }

  /** Mean maxConcurrent of the active agents speaking each language. */
  async agentConcurrency(): Promise<LanguageFigure[]> {
    return this.dataSource.query(
      `SELECT l.code AS language, avg(a.max_concurrent)::float8 AS value
         FROM agents a JOIN users u ON u.id = a.user_id AND u.status = 'active'
         JOIN agent_languages l ON l.agent_id = a.user_id
        GROUP BY l.code`,
    );
  }

  /**
   * Per bucket and language, the distinct agents speaking it who cover the bucket: a claimed shift
   * overlapping it (as GET /roster counts), or, for the bucket that contains now, a staff agent
   * signed in now. $1 from, $2 to, $3 bucket minutes.
   */
  async scheduledAgents(from: Date, to: Date, bucketMinutes: number): Promise<ScheduledRow[]> {
    return this.dataSource.query(
      `WITH buckets AS (
         SELECT b AS start, LEAST(b + make_interval(mins => $3), $2::timestamptz) AS "end"
           FROM generate_series($1::timestamptz, $2::timestamptz, make_interval(mins => $3)) AS b
          WHERE b < $2::timestamptz
       ), covering AS (
         SELECT b.start, c.agent_id
           FROM buckets b JOIN shift_claims c ON c.starts_at < b."end" AND c.ends_at > b.start
           JOIN users u ON u.id = c.agent_id AND u.status = 'active'
         UNION
         SELECT b.start, a.user_id
           FROM buckets b JOIN agents a ON a.kind = 'staff' AND a.presence <> 'offline'
           JOIN users u ON u.id = a.user_id AND u.status = 'active'
          WHERE now() >= b.start AND now() < b."end"
       )
       SELECT cv.start, l.code AS language, count(DISTINCT cv.agent_id)::int AS agents
         FROM covering cv JOIN agent_languages l ON l.agent_id = cv.agent_id
        GROUP BY cv.start, l.code`,
      [from, to, bucketMinutes],
    );
  }

  /** The SLA of the incident whose surge is on, else of the latest open incident; null without one. */
  async currentSlaMinutes(): Promise<number | null> {
    const rows: { slaMinutes: number }[] = await this.dataSource.query(
      `SELECT sla_minutes AS "slaMinutes" FROM incidents WHERE status = 'open'
        ORDER BY surge_active DESC, created_at DESC LIMIT 1`,
    );
    return rows[0]?.slaMinutes ?? null;
  }
}
