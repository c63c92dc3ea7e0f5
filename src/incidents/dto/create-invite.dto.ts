import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsISO8601, Max, Min } from 'class-validator';
import { OmittableNotNull } from '../../common/validation/field-decorators';

export const DEFAULT_INVITE_MAX_USES = 100;

export class CreateInviteDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100000, default: DEFAULT_INVITE_MAX_USES })
  @OmittableNotNull()
  @IsInt()
  @Min(1)
  @Max(100000)
  maxUses?: number;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-11-25T18:00:00Z', description: 'ISO-8601, in the future; no expiry when absent' })
  @OmittableNotNull()
  @IsISO8601({ strict: true })
  expiresAt?: string;

  @ApiPropertyOptional({ default: true, description: 'false: volunteers enroll as `pending` until an admin approves them' })
  @OmittableNotNull()
  @IsBoolean()
  autoApprove?: boolean;
}
