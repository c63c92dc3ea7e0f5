import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { StoredEventJson } from '../events/stored-event';
import { FlightReplyResultDto } from './dto/flight.dto';

export interface FlightRow {
  flightNumber: string;
  open: number;
  queued: number;
  assigned: number;
  unanswered: number;
  languages: { language: string; open: number }[];
  oldestReceivedAt: Date;
}

export interface OpenFlightConversation {
  id: string;
  language: string;
  fromName: string | null;
  flightNumber: string;
}

export interface StoredFlightReply {
  requestHash: string;
  response: FlightReplyResultDto;
}

@Injectable()
export class FlightsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async openFlights(): Promise<FlightRow[]> {
    return this.dataSource.query(
      `WITH open AS (
         SELECT flight_number, language, status, first_response_at, received_at FROM conversations
          WHERE status <> 'resolved' AND flight_number IS NOT NULL
       ), langs AS (
         SELECT flight_number, jsonb_agg(jsonb_build_object('language', language, 'open', n) ORDER BY n DESC, language) AS languages
           FROM (SELECT flight_number, language, count(*)::int AS n FROM open GROUP BY flight_number, language) l
          GROUP BY flight_number
       )
       SELECT o.flight_number AS "flightNumber", count(*)::int AS open,
              count(*) FILTER (WHERE o.status = 'queued')::int AS queued,
              count(*) FILTER (WHERE o.status = 'assigned')::int AS assigned,
              count(*) FILTER (WHERE o.first_response_at IS NULL)::int AS unanswered,
              min(o.received_at) AS "oldestReceivedAt", l.languages
         FROM open o JOIN langs l ON l.flight_number = o.flight_number
        GROUP BY o.flight_number, l.languages
        ORDER BY open DESC, o.flight_number`,
    );
  }

  /**
   * Claims the key in the caller's transaction. A concurrent holder of the same key makes this wait
   * until it commits (then null: the key is taken) or rolls back (then the key is ours).
   */
  async claimKey(manager: EntityManager, key: string, requestHash: string, actorId: string, flightNumber: string): Promise<boolean> {
    const rows: { key: string }[] = await manager.query(
      `INSERT INTO flight_reply_requests (idempotency_key, request_hash, actor_id, flight_number, response)
       VALUES ($1, $2, $3, $4, '{}') ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key AS key`,
      [key, requestHash, actorId, flightNumber],
    );
    return rows.length > 0;
  }

  async findKey(manager: EntityManager, key: string): Promise<StoredFlightReply | null> {
    const rows: StoredFlightReply[] = await manager.query(
      `SELECT request_hash AS "requestHash", response FROM flight_reply_requests WHERE idempotency_key = $1`,
      [key],
    );
    return rows[0] ?? null;
  }

  async storeResponse(manager: EntityManager, key: string, response: FlightReplyResultDto): Promise<void> {
    await manager.query(`UPDATE flight_reply_requests SET response = $2 WHERE idempotency_key = $1`, [key, JSON.stringify(response)]);
  }

  /** The flight's open conversations, locked (in id order, so two flight replies cannot deadlock). */
  async lockOpenConversations(manager: EntityManager, flightNumber: string): Promise<OpenFlightConversation[]> {
    return manager.query(
      `SELECT id, language, from_name AS "fromName", flight_number AS "flightNumber" FROM conversations
        WHERE flight_number = $1 AND status <> 'resolved' ORDER BY id FOR UPDATE`,
      [flightNumber],
    );
  }

  /** Each reply is the first response of a conversation that had none; its reclaim timer is moot. */
  async recordFirstResponses(manager: EntityManager, replyIds: string[]): Promise<void> {
    await manager.query(
      `UPDATE conversations c SET first_response_at = r.created_at
         FROM replies r WHERE r.id = ANY($1::uuid[]) AND c.id = r.conversation_id AND c.first_response_at IS NULL`,
      [replyIds],
    );
    await manager.query(
      `UPDATE assignments a SET reclaim_at = NULL FROM replies r
        WHERE r.id = ANY($1::uuid[]) AND a.conversation_id = r.conversation_id AND a.ended_at IS NULL AND a.reclaim_at IS NOT NULL`,
      [replyIds],
    );
  }

  async userName(manager: EntityManager, userId: string): Promise<string | null> {
    const rows: { name: string }[] = await manager.query(`SELECT name FROM users WHERE id = $1`, [userId]);
    return rows[0]?.name ?? null;
  }

  /** resolve_conversation for each, in the caller's transaction. */
  async resolveAll(manager: EntityManager, ids: string[], actorId: string): Promise<{ heldBy: string | null; event: StoredEventJson }[]> {
    const rows: { outcome: string; heldBy: string | null; event: StoredEventJson }[] = await manager.query(
      `SELECT r.outcome, r.held_by AS "heldBy", r.event FROM unnest($1::uuid[]) AS t(id), LATERAL resolve_conversation(t.id, $2, true) r`,
      [ids, actorId],
    );
    return rows.filter((row) => row.outcome === 'resolved');
  }
}
