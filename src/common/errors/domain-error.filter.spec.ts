import { ArgumentsHost, NotFoundException } from '@nestjs/common';
import { conflict } from './domain-error';
import { DomainErrorFilter } from './domain-error.filter';

function hostCapturing(): { host: ArgumentsHost; sent: { status?: number; body?: unknown } } {
  const sent: { status?: number; body?: unknown } = {};
  const response = {
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
});
