import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsObject, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { NotBlank } from '../../../common/validation/field-decorators';
import { RuleMatchDto } from './rule-match.dto';
import { RuleRouteDto } from './rule-route.dto';
import { OptionalField } from './rule-validators';

// routing_rules.position is a Postgres integer.
const MIN_ORDER = -2147483648;
const MAX_ORDER = 2147483647;

/** A whole rule: the body of POST /routing/rules and of PUT /routing/rules/:id (full replacement). */
export class SaveRoutingRuleDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'medical and minors first' })
  @IsString()
  @Length(1, 200)
  @NotBlank()
  name!: string;

  @ApiProperty({ example: 10, description: 'lower is evaluated first; ties go to the older rule' })
  @IsInt()
  @Min(MIN_ORDER)
  @Max(MAX_ORDER)
  order!: number;

  @ApiPropertyOptional({ default: true, description: 'a disabled rule is kept but never matches' })
  @OptionalField()
  @IsBoolean()
  enabled?: boolean;

  @ApiProperty({ type: RuleMatchDto, description: '{} matches every message' })
  @IsObject()
  @ValidateNested()
  @Type(() => RuleMatchDto)
  match!: RuleMatchDto;

  @ApiProperty({ type: RuleRouteDto, description: 'omitted fields take the defaults of routing.md' })
  @IsObject()
  @ValidateNested()
  @Type(() => RuleRouteDto)
  route!: RuleRouteDto;
}
