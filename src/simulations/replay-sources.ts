import { RoutingRule } from '../routing/engine/engine.types';
import { Arrival } from './replay/arrivals';

/** Runs one SQL statement; the API passes its DataSource, the CLI a pg client. */
export type QueryFn = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

/** The current ruleset in evaluation order, as the engine takes it. */
export async function readCurrentRules(query: QueryFn): Promise<RoutingRule[]> {
  return query<RoutingRule>(
    `SELECT r.id, r.name, r.position AS "order", r.enabled, r.match, r.route
       FROM routing_rules r ORDER BY r.position, r.created_at, r.id`,
  );
}

/** Bounds a recorded replay: more conversations than a generated scenario may have is refused. */
export const RECORDED_LIMIT = 500_000;

/** An incident's stored conversations as arrivals: first message time and text, language, channel, flight. */
export async function readRecordedArrivals(query: QueryFn, incidentId: string): Promise<Arrival[]> {
  const rows = await query<{ at: Date; language: string; channel: Arrival['channel']; flightNumber: string | null; text: string | null }>(
    `SELECT c.received_at AS at, c.language, c.channel, c.flight_number AS "flightNumber",
            (SELECT m.text FROM messages m WHERE m.conversation_id = c.id ORDER BY m.received_at, m.id LIMIT 1) AS text
       FROM conversations c
      WHERE c.incident_id = $1
      ORDER BY c.received_at, c.id
      LIMIT ${RECORDED_LIMIT}`,
    [incidentId],
  );
  return rows.map((r) => ({ at: new Date(r.at).getTime(), language: r.language, channel: r.channel, flightNumber: r.flightNumber, text: r.text ?? '' }));
}

/**
 * Rules given to a what-if replay (routing.md's shape, without ids). Each gets a stable id so
 * round_robin keeps its turn per rule, as production does.
 */
export function whatIfRules(rules: Omit<RoutingRule, 'id'>[]): RoutingRule[] {
  return rules.map((rule, i) => ({
    id: `what-if-${i + 1}`,
    name: rule.name,
    order: rule.order,
    enabled: rule.enabled ?? true,
    match: rule.match ?? {},
    route: rule.route ?? {},
  }));
}
