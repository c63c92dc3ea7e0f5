import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_INVITE_MAX_USES = 100;

export class CreateInviteDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100000, default: DEFAULT_INVITE_MAX_USES })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  maxUses?: number;

  @ApiPropertyOptional({ example: '2026-11-25T18:00:00Z', description: 'ISO-8601, in the future; no expiry when absent' })
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string;

  @ApiPropertyOptional({ default: true, description: 'false: volunteers enroll as `pending` until an admin approves them' })
  @IsOptional()
  @IsBoolean()
  autoApprove?: boolean;
}
