import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AGENT_ON_DUTY, AGENT_SURGE_ACTIVE } from '../routing/candidate-query';
import { ASSIGNMENT_RATE_WINDOW_SECONDS, WaitFacts } from './wait-estimate';

export type LanguageWaitFacts = Omit<WaitFacts, 'position'> & { language: string; queued: number };

/** An agent `a` who speaks language `l.language` at any level; every agent for `und`. */
const SPEAKS = `(l.language = 'und' OR EXISTS (SELECT 1 FROM agent_languages al WHERE al.agent_id = a.user_id AND al.code = l.language))`;

/** Queued conversations of language `l.language`. */
const QUEUED_COLUMN = `(SELECT count(*) FROM conversations c WHERE c.status = 'queued' AND c.language = l.language)::int AS queued`;

/** Conversations of language `l.language` assigned over the rate window: a count that grows with the traffic. */
const ASSIGNED_RECENTLY = `(SELECT count(*) FROM conversations c
           WHERE c.language = l.language AND c.assigned_at > now() - make_interval(secs => ${ASSIGNMENT_RATE_WINDOW_SECONDS}))::int`;

/**
 * Per language `l.language`, besides the assignment count: whether an agent on duty who speaks it has
 * room, and the capacity of claimed shifts (of agents not signed in) starting within a day, by start.
 */
const ROOM_AND_SCHEDULED_COLUMNS = `
         EXISTS (SELECT 1 FROM agents a JOIN users u ON u.id = a.user_id
                  WHERE a.open_count < a.max_concurrent AND ${AGENT_ON_DUTY} AND ${SPEAKS}) AS "roomNow",
         (SELECT coalesce(json_agg(json_build_object('inSeconds', s.in_seconds, 'capacity', s.capacity)), '[]'::json)
            FROM (SELECT extract(epoch FROM sc.starts_at - now())::float8 AS in_seconds, sum(a.max_concurrent)::int AS capacity
                    FROM shift_claims sc JOIN agents a ON a.user_id = sc.agent_id JOIN users u ON u.id = a.user_id
                   WHERE sc.starts_at > now() AND sc.starts_at < now() + interval '24 hours'
                     AND u.status = 'active' AND a.signed_in_at IS NULL
                     AND (a.kind = 'staff' OR ${AGENT_SURGE_ACTIVE}) AND ${SPEAKS}
                   GROUP BY sc.starts_at) s) AS scheduled`;

const LANGUAGE_FACTS_SQL = `
  SELECT l.language, ${QUEUED_COLUMN}, ${ASSIGNED_RECENTLY} AS "assignedRecently", ${ROOM_AND_SCHEDULED_COLUMNS}
    FROM unnest($1::text[]) AS l(language)`;

/**
 * Where conversation $1 stands in its language's queue (conversations_queue_language_idx) and, while
 * it is queued, its language's facts: one round trip on the intake path. $2 holds assignment counts
 * to take as they are, by language; the language's count is read only when $2 has none.
 */
const PLACE_IN_QUEUE_SQL = `
  SELECT t.language, t.status,
         CASE WHEN t.status <> 'queued' THEN 0 ELSE 1 + (
           SELECT count(*) FROM conversations c
            WHERE c.status = 'queued' AND c.language = t.language
              AND (c.priority > t.priority
                   OR (c.priority = t.priority AND (c.received_at, c.id) < (t.received_at, t.id))))::int END AS position,
         $2::jsonb ? t.language AS "assignedCountGiven",
         to_jsonb(facts) AS facts
    FROM conversations t
    CROSS JOIN LATERAL (SELECT t.language) AS l(language)
    LEFT JOIN LATERAL (
      SELECT coalesce(($2::jsonb ->> t.language)::int, ${ASSIGNED_RECENTLY}) AS "assignedRecently", ${ROOM_AND_SCHEDULED_COLUMNS}
       WHERE t.status = 'queued') AS facts ON true
   WHERE t.id = $1`;

export interface QueuedPlace {
  language: string;
  status: 'queued' | 'assigned' | 'resolved';
  /** 1 = next for its language, among queued conversations by priority then age */
  position: number;
  /** null unless queued */
  facts: Omit<LanguageWaitFacts, 'language' | 'queued'> | null;
  /** the assignment count in facts is one the caller gave, not read now */
  assignedCountGiven: boolean;
}

@Injectable()
export class WaitEstimatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  languageFacts(languages: string[]): Promise<LanguageWaitFacts[]> {
    if (languages.length === 0) return Promise.resolve([]);
    return this.dataSource.query(LANGUAGE_FACTS_SQL, [languages]);
  }

  /**
   * Where the conversation stands in its language's queue, with the language's facts while it is
   * queued; the assignment count is taken from `assignedCounts` when it names the language.
   */
  async placeInQueue(conversationId: string, assignedCounts: Record<string, number>): Promise<QueuedPlace | null> {
    const rows: QueuedPlace[] = await this.dataSource.query(PLACE_IN_QUEUE_SQL, [conversationId, JSON.stringify(assignedCounts)]);
    return rows[0] ?? null;
  }
}
