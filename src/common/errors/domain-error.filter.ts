import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { Response } from 'express';
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
  [HttpStatus.INTERNAL_SERVER_ERROR]: 'Internal Server Error',
};

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
