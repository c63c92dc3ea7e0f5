import { Param, ParseUUIDPipe } from '@nestjs/common';
import { invalidInput } from '../common/errors/domain-error';

/** The :id route parameter, rejected with a message naming it when it is not a UUID. */
export const ConversationIdParam = () =>
  Param('id', new ParseUUIDPipe({ exceptionFactory: () => invalidInput('id must be a UUID') }));
