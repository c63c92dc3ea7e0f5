import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin@surgeline.local' })
  @IsEmail()
  email!: string;

  @ApiProperty({ example: 'admin-password-dev' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}
