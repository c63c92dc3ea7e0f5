import { ApiProperty } from '@nestjs/swagger';

export class SimulatedRuleDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for the built-in default rule' }) id!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'ruleset version the decision would record' }) version!: number;
}

export class SimulatedCandidateDto {
  @ApiProperty({ format: 'uuid' }) agentId!: string;
  @ApiProperty() load!: number;
  @ApiProperty() maxConcurrent!: number;
  @ApiProperty() eligible!: boolean;
  @ApiProperty({ example: 'does not speak de at level 3' }) reason!: string;
}

export class SimulatedChoiceDto {
  @ApiProperty({ format: 'uuid' }) agentId!: string;
  @ApiProperty() reason!: string;
}

export class SimulationResultDto {
  @ApiProperty({ type: SimulatedRuleDto }) rule!: SimulatedRuleDto;
  @ApiProperty({ description: 'language (detected when not given) the requirements use' }) language!: string;
  @ApiProperty({ description: 'languages, minLanguageLevel, requiredSkills, agentKinds, priority, strategy, escalation step' })
  requirements!: Record<string, unknown>;
  @ApiProperty({ type: [SimulatedCandidateDto], description: 'every signed-in agent, with why it is or is not eligible' })
  candidates!: SimulatedCandidateDto[];
  @ApiProperty({ type: SimulatedChoiceDto, nullable: true }) chosen!: SimulatedChoiceDto | null;
}
