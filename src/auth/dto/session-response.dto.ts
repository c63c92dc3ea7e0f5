import { ApiProperty } from '@nestjs/swagger';
import { LoginUserDto } from './login-response.dto';

export class SessionResponseDto {
  @ApiProperty({ type: LoginUserDto }) user!: LoginUserDto;

  @ApiProperty({ description: 'Send it as the X-CSRF-Token header on every write made with the session cookie; it stays the same for the session' })
  csrfToken!: string;
}
