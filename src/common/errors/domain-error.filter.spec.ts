import { ArgumentsHost, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { conflict } from './domain-error';
import { DomainErrorFilter } from './domain-error.filter';

function hostCapturing(): { host: ArgumentsHost; sent: { status?: number; body?: unknown; headers?: Record<string, string> } } {
  const sent: { status?: number; body?: unknown; headers?: Record<string, string> } = {};
  const response = {
    setHeader(name: string, value: string) {
      sent.headers = { ...sent.headers, [name]: value };
    },
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  return { host, sent };
}

describe('DomainErrorFilter', () => {
  const filter = new DomainErrorFilter();

  it.each([
    ['a domain conflict', conflict('shift is full'), 409, { statusCode: 409, message: 'shift is full', error: 'Conflict' }],
    ['a Nest HTTP exception', new NotFoundException('nope'), 404, { statusCode: 404, message: 'nope', error: 'Not Found' }],
    [
      "body-parser's payload too large",
      Object.assign(new Error('request entity too large'), { status: 413, expose: true }),
      413,
      { statusCode: 413, message: 'request entity too large', error: 'Payload Too Large' },
    ],
    [
      "body-parser's malformed JSON",
      Object.assign(new SyntaxError('Unexpected token'), { status: 400, expose: true }),
      400,
      { statusCode: 400, message: 'Unexpected token', error: 'Bad Request' },
    ],
    ['an unexpected error', new Error('boom'), 500, { statusCode: 500, message: 'Internal server error', error: 'Internal Server Error' }],
  ])('maps %s', (_, exception, status, body) => {
    const { host, sent } = hostCapturing();
    jest.spyOn(filter['logger'], 'error').mockImplementation(() => undefined);
    filter.catch(exception, host);
    expect(sent).toEqual({ status, body });
  });

  const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a connection ended under the query', new Error('Connection terminated unexpectedly')],
    ['a pool that cannot connect in time', new Error('timeout exceeded when trying to connect')],
    ['an administrator shutdown', new QueryFailedError('SELECT 1', [], pgError('57P01', 'terminating connection due to administrator command'))],
    ['a database starting up', pgError('57P03', 'the database system is starting up')],
    ['a connection exception', pgError('08006', 'connection failure')],
  ])('answers 503 with Retry-After for Postgres unavailable: %s', (_, exception) => {
    const { host, sent } = hostCapturing();
    jest.spyOn(filter['logger'], 'warn').mockImplementation(() => undefined);
    filter.catch(exception, host);
    expect(sent).toEqual({
      status: 503,
      headers: { 'Retry-After': '5' },
      body: { statusCode: 503, message: 'The database is unavailable; retry shortly', error: 'Service Unavailable' },
    });
  });

  it('still answers 500 for a query that fails for another reason', () => {
    const { host, sent } = hostCapturing();
    jest.spyOn(filter['logger'], 'error').mockImplementation(() => undefined);
    filter.catch(new QueryFailedError('SELECT x', [], pgError('42703', 'column "x" does not exist')), host);
    expect(sent.status).toBe(500);
  });
});
