import { ApiProperty } from '@nestjs/swagger';

export class ShiftClaimantDto {
  @ApiProperty({ format: 'uuid' }) agentId!: string;
  @ApiProperty() name!: string;
}

export class ShiftViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ minimum: 1, maximum: 500 }) slots!: number;
  @ApiProperty({ description: 'how many slots are claimed' }) claimed!: number;
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty({ type: [String] }) skills!: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) incidentId!: string | null;

  @ApiProperty({
    type: [ShiftClaimantDto],
    description: 'managers and admins see every claimant; an agent sees only its own claim',
  })
  claimedBy!: ShiftClaimantDto[];
}

export class ShiftPageDto {
  @ApiProperty({ type: [ShiftViewDto] }) items!: ShiftViewDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
