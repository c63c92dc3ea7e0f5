import { ApiProperty } from '@nestjs/swagger';
import { RuleMatchDto } from './rule-match.dto';
import { RuleRouteDto } from './rule-route.dto';

export class RoutingRuleViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  order!: number;

  @ApiProperty()
  enabled!: boolean;

  @ApiProperty({ type: RuleMatchDto })
  match!: RuleMatchDto;

  @ApiProperty({ type: RuleRouteDto })
  route!: RuleRouteDto;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

/** A created or replaced rule with the ruleset version its change produced. */
export class RoutingRuleChangeDto extends RoutingRuleViewDto {
  @ApiProperty({ description: 'the ruleset version after this change' })
  version!: number;
}

export class RoutingRuleListDto {
  @ApiProperty({ description: 'the ruleset version these rules belong to' })
  version!: number;

  @ApiProperty({ type: [RoutingRuleViewDto], description: 'in evaluation order: order ascending, then oldest first' })
  items!: RoutingRuleViewDto[];
}
