import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Keyset } from '../common/pagination/page';
import { modifyReturning } from '../database/returning';

export interface InviteRow {
  code: string;
  incidentId: string;
  maxUses: number;
  uses: number;
  expiresAt: Date | null;
  autoApprove: boolean;
  createdAt: Date;
}

export interface NewInvite {
  code: string;
  incidentId: string;
  maxUses: number;
  expiresAt: Date | null;
  autoApprove: boolean;
  createdBy: string;
}

const INVITE_COLUMNS = `code, incident_id AS "incidentId", max_uses AS "maxUses", uses, expires_at AS "expiresAt",
  auto_approve AS "autoApprove", created_at AS "createdAt"`;

export type InviteState = InviteRow & { expired: boolean };
export type ListedInvite = InviteRow & { createdAtKey: string };

@Injectable()
export class InvitesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertInvite(manager: EntityManager, invite: NewInvite): Promise<InviteRow> {
    const rows: InviteRow[] = await manager.query(
      `INSERT INTO invites (code, incident_id, max_uses, expires_at, auto_approve, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${INVITE_COLUMNS}`,
      [invite.code, invite.incidentId, invite.maxUses, invite.expiresAt, invite.autoApprove, invite.createdBy],
    );
    return rows[0];
  }

  /**
   * Takes one use in a single statement: the row lock makes concurrent enrollments queue on the
   * invite and re-check `uses < max_uses` against the committed count, so a code is never used more
   * than max_uses times. Rolled back with the enrollment, the use is given back. Null when the code
   * is unknown, expired or used up.
   */
  async consumeUse(manager: EntityManager, code: string): Promise<InviteRow | null> {
    const rows = await modifyReturning<InviteRow>(
      manager,
      `UPDATE invites SET uses = uses + 1
        WHERE code = $1 AND uses < max_uses AND (expires_at IS NULL OR expires_at > now())
        RETURNING ${INVITE_COLUMNS}`,
      [code],
    );
    return rows[0] ?? null;
  }

  /** An incident's invites, newest first; `after` is the keyset (created_at, code) of the previous page's last row. */
  async listInvites(incidentId: string, after: Keyset | null, fetch: number): Promise<ListedInvite[]> {
    const params: unknown[] = [incidentId, fetch];
    const keyset = after ? `AND (created_at, code) < ($3::timestamptz, $4::text)` : '';
    if (after) params.push(after.sortValue, after.id);
    return this.dataSource.query(
      `SELECT ${INVITE_COLUMNS}, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAtKey"
         FROM invites WHERE incident_id = $1 ${keyset} ORDER BY created_at DESC, code DESC LIMIT $2`,
      params,
    );
  }

  /** `expired` is judged by the database clock, the same one consumeUse uses. */
  async findByCode(code: string, manager: EntityManager = this.dataSource.manager): Promise<InviteState | null> {
    const rows: InviteState[] = await manager.query(
      `SELECT ${INVITE_COLUMNS}, coalesce(expires_at <= now(), false) AS expired FROM invites WHERE code = $1`,
      [code],
    );
    return rows[0] ?? null;
  }
}
