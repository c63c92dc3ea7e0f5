import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AGENT_ON_DUTY, AGENT_SURGE_ACTIVE } from '../routing/candidate-query';
import { ASSIGNMENT_RATE_WINDOW_SECONDS, WaitFacts } from './wait-estimate';

export type LanguageWaitFacts = Omit<WaitFacts, 'position'> & { language: string; queued: number };

/** An agent `a` who speaks language `l.language` at any level; every agent for `und`. */
const SPEAKS = `(l.language = 'und' OR EXISTS (SELECT 1 FROM agent_languages al WHERE al.agent_id = a.user_id AND al.code = l.language))`;

/**
 * Per language `l.language`: queued work, whether an agent on duty who speaks it has room, how many
 * of its conversations were assigned over the rate window, and the capacity of claimed shifts (of
 * agents not signed in) starting within a day, by start.
 */
const LANGUAGE_FACTS_COLUMNS = `
         (SELECT count(*) FROM conversations c WHERE c.status = 'queued' AND c.language = l.language)::int AS queued,
         EXISTS (SELECT 1 FROM agents a JOIN users u ON u.id = a.user_id
                  WHERE a.open_count < a.max_concurrent AND ${AGENT_ON_DUTY} AND ${SPEAKS}) AS "roomNow",
         (SELECT count(*) FROM conversations c
           WHERE c.language = l.language AND c.assigned_at > now() - make_interval(secs => ${ASSIGNMENT_RATE_WINDOW_SECONDS}))::int
           AS "assignedRecently",
         (SELECT coalesce(json_agg(json_build_object('inSeconds', s.in_seconds, 'capacity', s.capacity)), '[]'::json)
            FROM (SELECT extract(epoch FROM sc.starts_at - now())::float8 AS in_seconds, sum(a.max_concurrent)::int AS capacity
                    FROM shift_claims sc JOIN agents a ON a.user_id = sc.agent_id JOIN users u ON u.id = a.user_id
                   WHERE sc.starts_at > now() AND sc.starts_at < now() + interval '24 hours'
                     AND u.status = 'active' AND a.signed_in_at IS NULL
                     AND (a.kind = 'staff' OR ${AGENT_SURGE_ACTIVE}) AND ${SPEAKS}
                   GROUP BY sc.starts_at) s) AS scheduled`;

const LANGUAGE_FACTS_SQL = `SELECT l.language, ${LANGUAGE_FACTS_COLUMNS} FROM unnest($1::text[]) AS l(language)`;

/**
 * Where conversation $1 stands in its language's queue (conversations_queue_language_idx) and, while
 * it is queued, its language's facts: one round trip on the intake path.
 */
const PLACE_IN_QUEUE_SQL = `
  SELECT t.language, t.status,
         CASE WHEN t.status <> 'queued' THEN 0 ELSE 1 + (
           SELECT count(*) FROM conversations c
            WHERE c.status = 'queued' AND c.language = t.language
              AND (c.priority > t.priority
                   OR (c.priority = t.priority AND (c.received_at, c.id) < (t.received_at, t.id))))::int END AS position,
         to_jsonb(facts) AS facts
    FROM conversations t
    CROSS JOIN LATERAL (SELECT t.language) AS l(language)
    LEFT JOIN LATERAL (SELECT ${LANGUAGE_FACTS_COLUMNS} WHERE t.status = 'queued') AS facts ON true
   WHERE t.id = $1`;

export interface QueuedPlace {
  language: string;
  status: 'queued' | 'assigned' | 'resolved';
  /** 1 = next for its language, among queued conversations by priority then age */
  position: number;
  /** null unless queued */
  facts: Omit<LanguageWaitFacts, 'language'> | null;
}

@Injectable()
export class WaitEstimatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  languageFacts(languages: string[]): Promise<LanguageWaitFacts[]> {
    if (languages.length === 0) return Promise.resolve([]);
    return this.dataSource.query(LANGUAGE_FACTS_SQL, [languages]);
  }

  /** Where the conversation stands in its language's queue, with the language's facts while it is queued. */
  async placeInQueue(conversationId: string): Promise<QueuedPlace | null> {
    const rows: QueuedPlace[] = await this.dataSource.query(PLACE_IN_QUEUE_SQL, [conversationId]);
    return rows[0] ?? null;
  }
}
