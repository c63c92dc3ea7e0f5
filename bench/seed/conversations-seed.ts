import { Pool } from 'pg';
import { inTransaction } from '../bench-pool';
import { languagesOf } from './agents-seed';

/**
 * Queued conversations inserted with SQL, each with its first message, as intake and a first
 * decision would leave them: requirements of the default rule (own language, no skills) stored,
 * received within the last ten minutes so no escalation step is due during the run.
 */
export async function seedQueuedConversations(db: Pool, range: { from: number; to: number }, languageCount: number): Promise<void> {
  if (range.to < range.from) return;
  const languages = languagesOf(languageCount);
  const [{ version }] = (await db.query<{ version: number }>('SELECT version FROM routing_ruleset')).rows;
  await inTransaction(db, async (client) => {
    await client.query(
      `INSERT INTO conversations (id, channel, handle, language, status, priority, rule_version, req_languages, received_at, queued_at, awaiting_agent)
       SELECT md5('scale-conversation-' || g)::uuid, 'web', 'scale-' || g, l.code, 'queued', 5, $3, ARRAY[l.code],
              now() - (g % 600) * interval '1 second', now(), true
         FROM generate_series($1::int, $2::int) g
        CROSS JOIN LATERAL (SELECT ($4::text[])[1 + g % $5::int] AS code) l`,
      [range.from, range.to, version, languages, languages.length],
    );
    await client.query(
      `INSERT INTO messages (conversation_id, channel, external_id, text, language, received_at)
       SELECT c.id, c.channel, 'scale-' || g, 'My flight was cancelled and I am stuck at the airport, please help', c.language, c.received_at
         FROM generate_series($1::int, $2::int) g JOIN conversations c ON c.id = md5('scale-conversation-' || g)::uuid`,
      [range.from, range.to],
    );
  });
}
