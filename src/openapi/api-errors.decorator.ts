import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, ApiResponseOptions, getSchemaPath } from '@nestjs/swagger';
import { ErrorResponseDto } from '../common/errors/error-response.dto';

/** What each error status means across the API (api.md, "Status codes"). */
const ERROR_DESCRIPTIONS = {
  400: 'Invalid input: the message names the field and why',
  401: 'Missing or invalid credentials',
  403: 'Authenticated but not allowed',
  404: 'Unknown id',
  409: 'Conflicts with the current state: the message names the conflict',
  413: 'The request body is larger than the service accepts',
  429: 'Rate limited: retry after the seconds in Retry-After',
  503: 'A dependency (Postgres) is unavailable: retry after the seconds in Retry-After',
} as const;

export type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

const RETRY_AFTER = {
  'Retry-After': { description: 'seconds to wait before retrying', schema: { type: 'integer', minimum: 0 } },
} as const;

/**
 * The response of an error status, with the one error body. Always JSON, also for an operation that
 * produces text or an event stream: the content is given here rather than taken from @ApiProduces.
 */
export const ApiErrorResponse = (status: ErrorStatus, description: string = ERROR_DESCRIPTIONS[status]): ApiResponseOptions => ({
  status,
  description,
  content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponseDto) } } },
  ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
});

/** One error status an operation (or every operation of a controller) can answer. */
export const ApiError = (status: ErrorStatus, description?: string) =>
  applyDecorators(ApiExtraModels(ErrorResponseDto), ApiResponse(ApiErrorResponse(status, description)));

/** Error statuses with their general meaning; ApiError(status, why) when the operation has a reason of its own. */
export const ApiErrors = (...statuses: ErrorStatus[]) => applyDecorators(...statuses.map((status) => ApiError(status)));
