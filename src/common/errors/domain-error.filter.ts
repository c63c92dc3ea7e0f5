import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { Response } from 'express';
import { isDatabaseUnavailable } from '../../database/pg-errors';
import { DomainError, DomainErrorCode } from './domain-error';

const STATUS_BY_CODE: Record<DomainErrorCode, HttpStatus> = {
  invalid_input: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
};

const REASON_BY_STATUS: Partial<Record<HttpStatus, string>> = {
  [HttpStatus.BAD_REQUEST]: 'Bad Request',
  [HttpStatus.UNAUTHORIZED]: 'Unauthorized',
  [HttpStatus.FORBIDDEN]: 'Forbidden',
  [HttpStatus.NOT_FOUND]: 'Not Found',
  [HttpStatus.CONFLICT]: 'Conflict',
  [HttpStatus.TOO_MANY_REQUESTS]: 'Too Many Requests',
  [HttpStatus.INTERNAL_SERVER_ERROR]: 'Internal Server Error',
  [HttpStatus.SERVICE_UNAVAILABLE]: 'Service Unavailable',
};

/** Seconds a client is asked to wait while a dependency is down; the service recovers by itself. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** The one place where errors become HTTP responses, in Nest's `{statusCode, message, error}` shape. */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(DomainErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      response.status(exception.getStatus()).json(this.httpExceptionBody(exception));
      return;
    }
    if (exception instanceof DomainError) {
      const status = STATUS_BY_CODE[exception.code];
      response.status(status).json({ statusCode: status, message: exception.message, error: REASON_BY_STATUS[status] });
      return;
    }
    const clientError = asExposedClientError(exception);
    if (clientError) {
      response.status(clientError.status).json({ statusCode: clientError.status, message: clientError.message, error: clientError.reason });
      return;
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`Postgres unavailable: ${(exception as Error).message}`);
      const status = HttpStatus.SERVICE_UNAVAILABLE;
      response.setHeader('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
      response.status(status).json({ statusCode: status, message: 'The database is unavailable; retry shortly', error: REASON_BY_STATUS[status] });
      return;
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const status = HttpStatus.INTERNAL_SERVER_ERROR;
    response.status(status).json({ statusCode: status, message: 'Internal server error', error: REASON_BY_STATUS[status] });
  }

  private httpExceptionBody(exception: HttpException): object {
    const body = exception.getResponse();
    if (typeof body === 'string') {
      return { statusCode: exception.getStatus(), message: body, error: REASON_BY_STATUS[exception.getStatus() as HttpStatus] };
    }
    return body;
  }
}

/**
 * Errors raised by express middleware before Nest sees the request (body too large, malformed
 * JSON) carry an http-errors status and `expose: true`: they are the client's, not a 5xx.
 */
function asExposedClientError(exception: unknown): { status: number; message: string; reason: string } | null {
  const candidate = exception as { status?: unknown; expose?: unknown; message?: unknown; type?: unknown };
  if (typeof candidate?.status !== 'number' || candidate.expose !== true) return null;
  if (candidate.status < 400 || candidate.status >= 500) return null;
  const reason = candidate.status === 413 ? 'Payload Too Large' : (REASON_BY_STATUS[candidate.status as HttpStatus] ?? 'Bad Request');
  return { status: candidate.status, message: String(candidate.message ?? reason), reason };
}
