import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';

/** Either field may be left out, but not sent as null. */
const Omittable = () => ValidateIf((_object, value: unknown) => value !== undefined);

/** Exactly one of `text` and `templateId`. */
export class CreateReplyDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 5000, description: 'sent to the passenger as written; or give templateId' })
  @Omittable()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  text?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "an approved answer: its variant in the conversation's language (else en, else the first) is filled and sent",
  })
  @Omittable()
  @IsUUID('all', { message: 'templateId must be a UUID' })
  templateId?: string;
}
