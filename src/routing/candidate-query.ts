import { Strategy } from './engine/engine.types';

/**
 * SQL pieces shared by the claim and the dry run. Parameters: $1 conversation id, $2 languages
 * (NULL = any), $3 minimum language level, $4 required skills as jsonb [{name, minLevel}],
 * $5 allowed agent kinds.
 */
export const AGENT_FITS_CONVERSATION = `
  a.kind = ANY($5::text[])
  AND ($2::text[] IS NULL OR EXISTS (
        SELECT 1 FROM agent_languages l
         WHERE l.agent_id = a.user_id AND l.code = ANY($2::text[]) AND l.level >= $3))
  AND NOT EXISTS (
        SELECT 1 FROM jsonb_to_recordset($4::jsonb) AS r(name text, "minLevel" int)
         WHERE NOT EXISTS (
           SELECT 1 FROM agent_skills s WHERE s.agent_id = a.user_id AND s.name = r.name AND s.level >= r."minLevel"))
  AND NOT EXISTS (
        SELECT 1 FROM conversation_exclusions x WHERE x.conversation_id = $1 AND x.agent_id = a.user_id)`;

/** Volunteers work only while their surge is on and inside a claimed shift (15 minutes early allowed). */
export const AGENT_ON_DUTY = `
  u.status = 'active'
  AND a.presence = 'available'
  AND (a.kind = 'staff' OR (
        EXISTS (SELECT 1 FROM incidents i WHERE i.id = a.incident_id AND i.surge_active)
        AND EXISTS (
          SELECT 1 FROM shift_claims c
           WHERE c.agent_id = a.user_id
             AND c.starts_at - interval '15 minutes' <= now() AND c.ends_at > now())))`;

/**
 * ORDER BY per strategy; it matches the engine's ranking so the few rows fetched are the best ones.
 * least_loaded follows agents_least_loaded_idx. round_robin takes $6, the rule's last agent id.
 */
export const CANDIDATE_ORDER: Record<Strategy, string> = {
  least_loaded: `(a.open_count::real / a.max_concurrent), a.last_assigned_at NULLS FIRST, a.user_id`,
  longest_idle: `a.last_assigned_at NULLS FIRST, a.user_id`,
  round_robin: `(a.user_id <= COALESCE($6::uuid, '00000000-0000-0000-0000-000000000000'::uuid)), a.user_id`,
};
