import { ApiProperty } from '@nestjs/swagger';

export class InviteViewDto {
  @ApiProperty({ example: '7QK2M9TXC4HZ8WNA' }) code!: string;
  @ApiProperty({ format: 'uuid' }) incidentId!: string;
  @ApiProperty() maxUses!: number;
  @ApiProperty() uses!: number;
  @ApiProperty({ nullable: true }) expiresAt!: string | null;
  @ApiProperty() autoApprove!: boolean;
  @ApiProperty() createdAt!: string;
}
