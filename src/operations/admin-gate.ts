import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { assertAccountUsable } from '../auth/account-status';
import { DomainError } from '../common/errors/domain-error';
import { UsersRepository } from '../users/users.repository';

interface Refusal {
  statusCode: 401 | 403;
  message: string;
}

const ERROR_NAMES = { 401: 'Unauthorized', 403: 'Forbidden' } as const;

/**
 * Express middleware mounted in front of the Bull dashboard, which lives outside Nest's guards:
 * the same bearer-token check as the AuthGuard (the account re-read on every request), admin only.
 */
@Injectable()
export class AdminGate {
  constructor(
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
  ) {}

  middleware(): RequestHandler {
    return (request: Request, response: Response, next: NextFunction) => {
      this.refusalFor(request.headers.authorization)
        .then((refusal) => {
          if (!refusal) return next();
          response.status(refusal.statusCode).json({ ...refusal, error: ERROR_NAMES[refusal.statusCode] });
        })
        .catch(next);
    };
  }

  async refusalFor(authorization: string | undefined): Promise<Refusal | null> {
    const [scheme, token] = (authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) return { statusCode: 401, message: 'Missing bearer token' };
    let accountId: string;
    try {
      accountId = (await this.jwt.verifyAsync<{ sub: string }>(token)).sub;
    } catch {
      return { statusCode: 401, message: 'Invalid or expired token' };
    }
    const account = await this.users.findCredentialsById(accountId);
    if (!account) return { statusCode: 401, message: 'Missing or invalid credentials' };
    try {
      assertAccountUsable(account.status);
    } catch (error) {
      return { statusCode: 403, message: (error as DomainError).message };
    }
    if (account.role !== 'admin') return { statusCode: 403, message: 'This action needs the role admin' };
    return null;
  }
}
