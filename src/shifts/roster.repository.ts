import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface RosterRow {
  start: Date;
  end: Date;
  language: string;
  scheduled: number;
  signedIn: number;
  queued: number;
  /** Conversations queued in the language now, whichever bucket the row is. */
  queuedNow: number;
}

/**
 * One row per bucket and language, counted by Postgres. $1 from, $2 to, $3 bucket minutes.
 * - scheduled: distinct active agents speaking the language whose claimed shift overlaps the bucket;
 * - signedIn / queued: the present state, so only on the bucket that contains now;
 * - 'und' work may go to any agent, so for 'und' every scheduled or signed-in agent counts.
 * Languages: every one with queued work, a signed-in speaker or a scheduled speaker.
 */
const ROSTER_SQL = `
WITH buckets AS (
  SELECT b AS start, LEAST(b + make_interval(mins => $3), $2::timestamptz) AS "end",
         now() >= b AND now() < LEAST(b + make_interval(mins => $3), $2::timestamptz) AS is_now
    FROM generate_series($1::timestamptz, $2::timestamptz, make_interval(mins => $3)) AS b
   WHERE b < $2::timestamptz
),
queued AS (
  SELECT language, count(*)::int AS n FROM conversations WHERE status = 'queued' GROUP BY language
),
present AS (
  SELECT user_id AS agent_id FROM agents WHERE presence <> 'offline'
),
signed_in AS (
  SELECT l.code AS language, count(*)::int AS n FROM present p JOIN agent_languages l ON l.agent_id = p.agent_id GROUP BY l.code
),
claims AS (
  SELECT c.agent_id, c.starts_at, c.ends_at
    FROM shift_claims c JOIN users u ON u.id = c.agent_id AND u.status = 'active'
   WHERE c.starts_at < $2::timestamptz AND c.ends_at > $1::timestamptz
),
bucket_claims AS (
  SELECT b.start, c.agent_id FROM buckets b JOIN claims c ON c.starts_at < b."end" AND c.ends_at > b.start
),
scheduled AS (
  SELECT bc.start, l.code AS language, count(DISTINCT bc.agent_id)::int AS n
    FROM bucket_claims bc JOIN agent_languages l ON l.agent_id = bc.agent_id
   GROUP BY bc.start, l.code
),
scheduled_any AS (
  SELECT start, count(DISTINCT agent_id)::int AS n FROM bucket_claims GROUP BY start
),
languages AS (
  SELECT language FROM queued UNION SELECT language FROM signed_in UNION SELECT language FROM scheduled
)
SELECT b.start, b."end", lang.language,
       CASE WHEN lang.language = 'und' THEN COALESCE(sa.n, 0) ELSE COALESCE(s.n, 0) END AS scheduled,
       CASE WHEN NOT b.is_now THEN 0
            WHEN lang.language = 'und' THEN (SELECT count(*)::int FROM present)
            ELSE COALESCE(si.n, 0) END AS "signedIn",
       CASE WHEN b.is_now THEN COALESCE(q.n, 0) ELSE 0 END AS queued,
       COALESCE(q.n, 0) AS "queuedNow"
  FROM buckets b
 CROSS JOIN languages lang
  LEFT JOIN scheduled s ON s.start = b.start AND s.language = lang.language
  LEFT JOIN scheduled_any sa ON sa.start = b.start
  LEFT JOIN signed_in si ON si.language = lang.language
  LEFT JOIN queued q ON q.language = lang.language
 ORDER BY b.start, lang.language`;

@Injectable()
export class RosterRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async rosterRows(from: Date, to: Date, bucketMinutes: number): Promise<RosterRow[]> {
    return this.dataSource.query(ROSTER_SQL, [from, to, bucketMinutes]);
  }

  /** Bucket bounds alone, for a range where no language has anything to show. */
  async bucketBounds(from: Date, to: Date, bucketMinutes: number): Promise<{ start: Date; end: Date }[]> {
    return this.dataSource.query(
      `SELECT b AS start, LEAST(b + make_interval(mins => $3), $2::timestamptz) AS "end"
         FROM generate_series($1::timestamptz, $2::timestamptz, make_interval(mins => $3)) AS b
        WHERE b < $2::timestamptz ORDER BY b`,
      [from, to, bucketMinutes],
    );
  }
}
