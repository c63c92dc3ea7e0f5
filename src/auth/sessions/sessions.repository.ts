import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../../database/prepared-query';
import type { AgentKind } from '../../users/agent.entity';
import type { AccountStatus, Role } from '../../users/user.entity';

export interface SessionAccount {
  sessionId: string;
  csrfToken: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  status: AccountStatus;
  kind: AgentKind | null;
  expiresAt: Date;
}

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(userId: string, tokenHash: Buffer, csrfToken: string, ttlSeconds: number): Promise<string> {
    const [row] = await preparedQuery<{ id: string }>(
      this.dataSource.manager,
      `INSERT INTO sessions (user_id, token_hash, csrf_token, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4)) RETURNING id`,
      [userId, tokenHash, csrfToken, ttlSeconds],
    );
    return row.id;
  }

  /** The open, unexpired session of this token with its account: the guard's check of a cookie. */
  async findOpen(tokenHash: Buffer): Promise<SessionAccount | null> {
    const rows = await preparedQuery<SessionAccount>(
      this.dataSource.manager,
      `SELECT s.id AS "sessionId", s.csrf_token AS "csrfToken", s.expires_at AS "expiresAt",
              u.id AS "userId", u.email, u.name, u.role, u.status, a.kind
         FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN agents a ON a.user_id = u.id
        WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now()`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** Whether the session may still be used: open, unexpired, its account active. */
  async isUsable(sessionId: string): Promise<boolean> {
    const rows = await preparedQuery(
      this.dataSource.manager,
      `SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.ended_at IS NULL AND s.expires_at > now() AND u.status = 'active'`,
      [sessionId],
    );
    return rows.length > 0;
  }

  /** Ends the session; false when it had already ended. */
  async end(sessionId: string): Promise<boolean> {
    const rows = await preparedQuery(
      this.dataSource.manager,
      `UPDATE sessions SET ended_at = now() WHERE id = $1 AND ended_at IS NULL RETURNING id`,
      [sessionId],
    );
    return rows.length > 0;
  }
}
