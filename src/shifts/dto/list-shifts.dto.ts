import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsISO8601, IsOptional } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/page';

const BOOLEAN_WORDS: Record<string, boolean> = { true: true, false: false };

export class ListShiftsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'only shifts ending after this moment (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date-time' })
  from?: string;

  @ApiPropertyOptional({ description: 'only shifts starting before this moment (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date-time' })
  to?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: only shifts with a free slot that have not ended' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && value in BOOLEAN_WORDS ? BOOLEAN_WORDS[value] : value))
  @IsBoolean({ message: 'open must be true or false' })
  open?: boolean;
}
