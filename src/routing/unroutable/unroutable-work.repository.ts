import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { modifyReturning } from '../../database/returning';
import { AGENT_ON_ROSTER, agentFitsConversation, STORED_REQUIREMENTS, storedRequirementsOf } from '../candidate-query';
import { RosterGap } from './unroutable-reason';

export interface StuckConversation extends RosterGap {
  conversationId: string;
}

export interface FlaggedConversation {
  conversationId: string;
  language: string;
  reason: string;
}

/** The roster as work nobody can take is judged against: agents `a` with columns user_id and kind. */
const ROSTER = `
  roster AS MATERIALIZED (
    SELECT a.user_id, a.kind FROM agents a JOIN users u ON u.id = a.user_id WHERE ${AGENT_ON_ROSTER})`;

/** Speaks one of s's languages at its level (or s takes any language). */
const SPEAKS = (agent: string) => `
  (s.req_languages IS NULL OR EXISTS (
     SELECT 1 FROM agent_languages l
      WHERE l.agent_id = ${agent} AND l.code = ANY(s.req_languages) AND l.level >= s.req_min_language_level))`;

/** The columns a set of stored requirements is compared on. */
const SAME_REQUIREMENTS = (x: string, y: string) => `
  ${x}.req_languages IS NOT DISTINCT FROM ${y}.req_languages AND ${x}.req_min_language_level = ${y}.req_min_language_level
  AND ${x}.req_skills = ${y}.req_skills AND ${x}.req_agent_kinds = ${y}.req_agent_kinds`;

/**
 * Queued conversations waiting for an agent (their requirements are stored by the decision that
 * found nobody) that no agent on the roster fits, whatever its presence or load, with what is
 * missing. A burst leaves thousands waiting under a few sets of requirements, so the roster is
 * judged once per set: a set nobody fits leaves all its conversations stuck; a set someone fits
 * leaves stuck only a conversation that excludes each agent who fits it.
 */
const STUCK_SQL = `
  WITH ${ROSTER},
  waiting AS MATERIALIZED (
    SELECT c.id, c.req_languages, c.req_min_language_level, c.req_skills, c.req_agent_kinds
      FROM conversations c
     WHERE c.status = 'queued' AND c.awaiting_agent
  ),
  unfit AS MATERIALIZED (
    SELECT s.*,
           EXISTS (SELECT 1 FROM roster a WHERE a.kind = ANY(s.req_agent_kinds)) AS "kindOnRoster",
           EXISTS (SELECT 1 FROM roster a WHERE a.kind = ANY(s.req_agent_kinds) AND ${SPEAKS('a.user_id')}) AS "speakerOnRoster",
           (SELECT r.skill
              FROM jsonb_array_elements(s.req_skills) WITH ORDINALITY AS r(skill, position)
             WHERE NOT EXISTS (
                     SELECT 1 FROM roster a JOIN agent_skills k ON k.agent_id = a.user_id
                      WHERE a.kind = ANY(s.req_agent_kinds) AND k.name = r.skill->>'name'
                        AND k.level >= (r.skill->>'minLevel')::int AND ${SPEAKS('a.user_id')})
             ORDER BY r.position LIMIT 1) AS "missingSkill"
      FROM (SELECT DISTINCT req_languages, req_min_language_level, req_skills, req_agent_kinds FROM waiting) s
     WHERE NOT EXISTS (SELECT 1 FROM roster a WHERE ${agentFitsConversation(storedRequirementsOf('s'), { ignoreExclusions: true })})
  )
  SELECT w.id AS "conversationId", w.req_languages AS languages, w.req_min_language_level AS "minLanguageLevel",
         w.req_agent_kinds AS "agentKinds", u."kindOnRoster", u."speakerOnRoster", u."missingSkill", false AS "onlyExcludedFit"
    FROM waiting w JOIN unfit u ON ${SAME_REQUIREMENTS('u', 'w')}
  UNION ALL
  -- Someone on the roster meets every requirement, so only the conversation's exclusions can stand in the way.
  SELECT w.id, w.req_languages, w.req_min_language_level, w.req_agent_kinds, true, true, NULL, true
    FROM waiting w
   WHERE NOT EXISTS (SELECT 1 FROM unfit u WHERE ${SAME_REQUIREMENTS('u', 'w')})
     AND EXISTS (SELECT 1 FROM conversation_exclusions x WHERE x.conversation_id = w.id AND (x.expires_at IS NULL OR x.expires_at > now()))
     AND NOT EXISTS (SELECT 1 FROM roster a WHERE ${agentFitsConversation(storedRequirementsOf('w'))})`;

@Injectable()
export class UnroutableWorkRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findStuck(manager: EntityManager): Promise<StuckConversation[]> {
    return manager.query(STUCK_SQL);
  }

  /**
   * Flags the stuck conversations not flagged yet (a new episode, returned for its event) and keeps
   * the reason of those still flagged up to date; `since` stays the episode's start.
   */
  async flag(manager: EntityManager, reasons: Map<string, string>): Promise<FlaggedConversation[]> {
    if (reasons.size === 0) return [];
    const ids = [...reasons.keys()];
    const texts = ids.map((id) => reasons.get(id)!);
    await manager.query(
      `UPDATE conversations c SET unroutable_reason = v.reason
         FROM unnest($1::uuid[], $2::text[]) AS v(id, reason)
        WHERE c.id = v.id AND c.unroutable_since IS NOT NULL AND c.unroutable_reason IS DISTINCT FROM v.reason`,
      [ids, texts],
    );
    return modifyReturning<FlaggedConversation>(
      manager,
      `UPDATE conversations c SET unroutable_since = now(), unroutable_reason = v.reason
         FROM unnest($1::uuid[], $2::text[]) AS v(id, reason)
        WHERE c.id = v.id AND c.unroutable_since IS NULL AND c.status = 'queued'
        RETURNING c.id AS "conversationId", c.language, v.reason`,
      [ids, texts],
    );
  }

  /** Everything flagged that is no longer stuck (assigned, resolved, or someone on the roster fits it now). */
  async unflagAllBut(manager: EntityManager, stuckIds: string[]): Promise<number> {
    const [, count] = (await manager.query(
      `UPDATE conversations SET unroutable_since = NULL, unroutable_reason = NULL
        WHERE unroutable_since IS NOT NULL AND (status <> 'queued' OR NOT (id = ANY($1::uuid[])))`,
      [stuckIds],
    )) as [unknown, number];
    return count;
  }

  /**
   * The agent has just signed in: what it fits is not stuck any more. Walks only the flagged rows
   * (conversations_unroutable_idx), so a sign-in does not wait for a whole pass.
   */
  async unflagFittingAgent(agentId: string): Promise<number> {
    const [, count] = (await this.dataSource.query(
      `UPDATE conversations c SET unroutable_since = NULL, unroutable_reason = NULL
         FROM agents a JOIN users u ON u.id = a.user_id
        WHERE c.unroutable_since IS NOT NULL AND a.user_id = $1
          AND ${AGENT_ON_ROSTER} AND ${agentFitsConversation(STORED_REQUIREMENTS)}`,
      [agentId],
    )) as [unknown, number];
    return count;
  }
}
