import { ApiProperty } from '@nestjs/swagger';

export class InviteViewDto {
  @ApiProperty({ example: '7QK2M9TXC4HZ8WNA' }) code!: string;
  @ApiProperty({ format: 'uuid' }) incidentId!: string;
  @ApiProperty() maxUses!: number;
  @ApiProperty() uses!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: string | null;
  @ApiProperty() autoApprove!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class InvitePageDto {
  @ApiProperty({ type: [InviteViewDto] }) items!: InviteViewDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
