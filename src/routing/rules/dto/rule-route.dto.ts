import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO6391,
  IsUUID,
  Max,
  Min,
} from 'class-validator';
import { ListOf } from '../../../common/validation/field-decorators';
import { AgentKindName, Strategy, STRATEGIES } from '../../engine/engine.types';
import { SkillRequirementDto } from '../../../users/dto/agent-profile.dto';
import { AfterSecondsStrictlyIncrease, MAX_RULE_DELAY_SECONDS, OptionalField } from './rule-validators';

const AGENT_KINDS: readonly AgentKindName[] = ['staff', 'volunteer'];
export const MAX_ESCALATION_STEPS = 10;

export class EscalationStepDto {
  @ApiProperty({ minimum: 1, maximum: MAX_RULE_DELAY_SECONDS, example: 600, description: 'seconds after the first message' })
  @IsInt()
  @Min(1)
  @Max(MAX_RULE_DELAY_SECONDS)
  afterSeconds!: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 10, description: 'replaces the priority from this step on' })
  @OptionalField()
  @IsInt()
  @Min(0)
  @Max(10)
  priority?: number;

  @ApiPropertyOptional({ description: 'true: required skills no longer apply from this step on' })
  @OptionalField()
  @IsBoolean()
  dropSkills?: boolean;

  @ApiPropertyOptional({ type: [String], example: ['en'], description: 'ISO 639-1 codes also accepted from this step on' })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsISO6391({ each: true, message: 'fallbackLanguages must hold ISO 639-1 language codes' })
  fallbackLanguages?: string[];
}

export class RuleRouteDto {
  @ApiPropertyOptional({ type: [SkillRequirementDto], description: 'default none' })
  @OptionalField()
  @ListOf(() => SkillRequirementDto)
  @ArrayMaxSize(50)
  @ArrayUnique((skill: SkillRequirementDto) => skill?.name, { message: 'requiredSkills must not repeat a name' })
  requiredSkills?: SkillRequirementDto[];

  @ApiPropertyOptional({ enum: AGENT_KINDS, isArray: true, minItems: 1, description: 'default both' })
  @OptionalField()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(AGENT_KINDS, { each: true })
  agentKinds?: AgentKindName[];

  @ApiPropertyOptional({ minimum: 1, maximum: 5, default: 1 })
  @OptionalField()
  @IsInt()
  @Min(1)
  @Max(5)
  minLanguageLevel?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 10, default: 5, description: 'higher is served first' })
  @OptionalField()
  @IsInt()
  @Min(0)
  @Max(10)
  priority?: number;

  @ApiPropertyOptional({ enum: STRATEGIES, default: 'least_loaded' })
  @OptionalField()
  @IsIn(STRATEGIES)
  strategy?: Strategy;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_RULE_DELAY_SECONDS, description: 'no first reply by then: back to the queue' })
  @OptionalField()
  @IsInt()
  @Min(1)
  @Max(MAX_RULE_DELAY_SECONDS)
  reassignAfterSeconds?: number;

  @ApiPropertyOptional({
    type: [EscalationStepDto],
    maxItems: MAX_ESCALATION_STEPS,
    description: 'steps taken while the conversation waits; afterSeconds strictly increasing',
  })
  @OptionalField()
  @ListOf(() => EscalationStepDto)
  @ArrayMaxSize(MAX_ESCALATION_STEPS)
  @AfterSecondsStrictlyIncrease()
  escalation?: EscalationStepDto[];

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'an approved answer sent to every new conversation this rule routes, at once, with {{estimatedWait}} filled',
  })
  @OptionalField()
  @IsUUID('all', { message: 'acknowledgeTemplateId must be the id of a template' })
  acknowledgeTemplateId?: string;
}
