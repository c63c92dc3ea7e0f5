interface PgError {
  code?: string;
  constraint?: string;
}

const UNIQUE_VIOLATION = '23505';
const CHECK_VIOLATION = '23514';
const EXCLUSION_VIOLATION = '23P01';

function hasCode(error: unknown, code: string, constraint?: string): boolean {
  const pg = (error as { driverError?: PgError }).driverError ?? (error as PgError);
  return pg?.code === code && (constraint === undefined || pg.constraint === constraint);
}

export const isUniqueViolation = (error: unknown, constraint?: string) => hasCode(error, UNIQUE_VIOLATION, constraint);
export const isCheckViolation = (error: unknown, constraint?: string) => hasCode(error, CHECK_VIOLATION, constraint);
export const isExclusionViolation = (error: unknown, constraint?: string) =>
  hasCode(error, EXCLUSION_VIOLATION, constraint);

/** Socket errors of a connection that could not be made or was lost. */
const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** SQLSTATEs of a server that is going away, restarting or full: class 08 and these. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** What pg and pg-pool say when a connection ends under a query or cannot be had. */
const CONNECTION_LOST = /^(Connection terminated|Client has encountered a connection error|Client was closed|timeout exceeded when trying to connect)/;

/**
 * Postgres is unreachable or going away (not a fault of the request): the caller may retry. TypeORM
 * wraps a failed query (`driverError`); a failed connect reaches us as pg's own error.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const candidate of [error, (error as { driverError?: unknown })?.driverError]) {
    const pg = candidate as { code?: unknown; message?: unknown } | undefined;
    if (!pg || typeof pg !== 'object') continue;
    const code = typeof pg.code === 'string' ? pg.code : '';
    if (NETWORK_ERROR_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08')) return true;
    if (typeof pg.message === 'string' && CONNECTION_LOST.test(pg.message)) return true;
  }
  return false;
}
