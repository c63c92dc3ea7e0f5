import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CreateReplyDto {
  @ApiProperty({ minLength: 1, maxLength: 5000, description: 'sent to the passenger on the conversation channel' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  text!: string;
}
