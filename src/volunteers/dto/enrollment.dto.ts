import { ApiProperty } from '@nestjs/swagger';

export const ENROLLMENT_STATUSES = ['active', 'pending'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

export class EnrollmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;

  @ApiProperty({ enum: ENROLLMENT_STATUSES, description: '`pending` until an admin approves, when the invite does not auto-approve' })
  status!: EnrollmentStatus;
}
