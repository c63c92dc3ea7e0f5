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
