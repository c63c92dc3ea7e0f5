import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { SaveRoutingRuleDto } from '../../routing/rules/dto/save-routing-rule.dto';

export class CreateSimulationDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "a scenario in planning.md's shape; checked field by field (a 400 names the field, e.g. scenario.arrivals.total)",
  })
  @IsObject()
  scenario!: Record<string, unknown>;

  @ApiPropertyOptional({ enum: ['scenario', 'plan'], default: 'scenario', description: "plan: staff each language and bucket with the plan's neededAgents" })
  @IsOptional()
  @IsIn(['scenario', 'plan'])
  staffing?: 'scenario' | 'plan';

  @ApiPropertyOptional({ type: [SaveRoutingRuleDto], description: 'what-if ruleset replacing the current rules; [] = the built-in default only' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SaveRoutingRuleDto)
  rules?: SaveRoutingRuleDto[];

  @ApiPropertyOptional({ minimum: 0, maximum: 4294967295, description: "overrides the scenario's seed" })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(4294967295)
  seed?: number;
}
