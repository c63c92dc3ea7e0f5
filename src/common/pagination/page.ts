import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { invalidInput } from '../errors/domain-error';
import { unsafeTextReason } from '../validation/unsafe-input';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** Query fields every list endpoint accepts; extend it with the list's own filters. */
export class ListQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A keyset position: the sort value and the id of the last row of a page. */
export interface Keyset {
  sortValue: string;
  id: string;
}

/** Lists ordered by a creation or start time, ties broken by a uuid. */
export const TIME_AND_UUID: CursorShape = { sortValue: 'timestamp', id: 'uuid' };

export function encodeCursor(keyset: Keyset): string {
  return Buffer.from(JSON.stringify([keyset.sortValue, keyset.id])).toString('base64url');
}

/**
 * What each half of a list's keyset is, so that a cursor is checked here, once, before any of it
 * reaches SQL: a forged cursor (`["x","y"]`) is a 400, never a failed `::timestamptz` cast.
 * - `timestamp`: an ISO-8601 UTC instant as the lists write them (`2026-11-22T10:00:00.000000Z`);
 * - `uuid`; `bigint`: a positive Postgres bigint in decimal; `text`: any storable text.
 */
export type CursorPart = 'timestamp' | 'uuid' | 'bigint' | 'text';
export interface CursorShape {
  sortValue: CursorPart;
  id: CursorPart;
}

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_BIGINT = 9223372036854775807n;
const MAX_TEXT_LENGTH = 400;

function isInstant(value: string): boolean {
  const parts = ISO_INSTANT.exec(value);
  if (!parts) return false;
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 2026-02-30 over into March; a real instant reads back unchanged. Postgres has no year 0.
  return (
    year >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  );
}

const PART_CHECKS: Record<CursorPart, (value: string) => boolean> = {
  timestamp: isInstant,
  uuid: (value) => UUID.test(value),
  bigint: (value) => /^\d{1,19}$/.test(value) && BigInt(value) <= MAX_BIGINT,
  text: (value) => value.length <= MAX_TEXT_LENGTH && unsafeTextReason(value) === null,
};

export function isCursorPart(part: CursorPart, value: unknown): value is string {
  return typeof value === 'string' && PART_CHECKS[part](value);
}

/** The keyset of a cursor this list issued, or invalid_input naming `cursor`; null when none was given. */
export function decodeCursor(cursor: string | undefined, shape: CursorShape): Keyset | null {
  if (cursor === undefined) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (Array.isArray(decoded) && decoded.length === 2) {
    const [sortValue, id] = decoded as unknown[];
    if (isCursorPart(shape.sortValue, sortValue) && isCursorPart(shape.id, id)) return { sortValue, id };
  }
  throw invalidInput('cursor is not a cursor this list returned');
}

/**
 * Rows are fetched with limit + 1 so the page knows whether another follows;
 * `keysetOf` gives the position of a row for the next page's cursor.
 */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  keysetOf: (row: Row) => Keyset,
  toItem: (row: Row) => Item,
): Page<Item> {
  const pageRows = rows.slice(0, limit);
  const hasMore = rows.length > limit;
  return {
    items: pageRows.map(toItem),
    nextCursor: hasMore ? encodeCursor(keysetOf(pageRows[pageRows.length - 1])) : null,
  };
}
