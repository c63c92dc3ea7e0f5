import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { RequestAuthenticator } from '../auth/request-authenticator';
import { DomainError } from '../common/errors/domain-error';

interface Refusal {
  statusCode: 401 | 403;
  message: string;
}

const ERROR_NAMES = { 401: 'Unauthorized', 403: 'Forbidden' } as const;

/**
 * Express middleware mounted in front of the Bull dashboard, which lives outside Nest's guards:
 * the same credentials as the AuthGuard (bearer token or session cookie), admin only.
 */
@Injectable()
export class AdminGate {
  constructor(private readonly authenticator: RequestAuthenticator) {}

  middleware(): RequestHandler {
    return (request: Request, response: Response, next: NextFunction) => {
      this.refusalFor(request)
        .then((refusal) => {
          if (!refusal) return next();
          response.status(refusal.statusCode).json({ ...refusal, error: ERROR_NAMES[refusal.statusCode] });
        })
        .catch(next);
    };
  }

  async refusalFor(request: Pick<Request, 'headers' | 'method'>): Promise<Refusal | null> {
    try {
      const { user } = await this.authenticator.authenticate(request);
      if (user.role !== 'admin') return { statusCode: 403, message: 'This action needs the role admin' };
      return null;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { statusCode: error.code === 'unauthenticated' ? 401 : 403, message: error.message };
    }
  }
}
