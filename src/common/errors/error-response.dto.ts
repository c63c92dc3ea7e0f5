import { ApiProperty } from '@nestjs/swagger';

/** The body of every error the service answers (api.md): Nest's shape, written by DomainErrorFilter. */
export class ErrorResponseDto {
  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 409 }) statusCode!: number;
  @ApiProperty({ example: 'Another incident has surge active', description: 'what was wrong; for invalid input, which field and why' })
  message!: string;
  @ApiProperty({ example: 'Conflict', description: 'the HTTP reason phrase' }) error!: string;
}
