import { ApiProperty } from '@nestjs/swagger';
import { Channel, CHANNELS } from '../../routing/engine/engine.types';

/** Percentiles are nearest-rank (Postgres percentile_disc): the smallest observed value with at least p% of values at or below it. */
export const PERCENTILE_DEFINITION =
  'nearest-rank percentile (Postgres percentile_disc): the smallest first-response time such that at least p% of the ' +
  'first responses in the window took at most that long, rounded to whole seconds; null when there was none';

export const FIRST_RESPONSE_WINDOW_MINUTES = 60;
export const DEFAULT_SLA_MINUTES = 60;

export class LiveIncidentDto {
  @ApiProperty({ example: 'Ash cloud over Europe' }) name!: string;
}

export class FirstResponseDto {
  @ApiProperty({ nullable: true, type: Number, description: `median; ${PERCENTILE_DEFINITION}` }) p50Seconds!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: `90th percentile; ${PERCENTILE_DEFINITION}` }) p90Seconds!: number | null;
  @ApiProperty({
    example: FIRST_RESPONSE_WINDOW_MINUTES,
    description: 'conversations whose first reply (first_response_at - received_at) was sent in the last windowMinutes',
  })
  windowMinutes!: number;
}

export class LanguageFiguresDto {
  @ApiProperty({ example: 'nl', description: 'ISO 639-1 code, or `und`' }) language!: string;
  @ApiProperty() queued!: number;
  @ApiProperty({ description: 'signed-in agents with presence available who speak it (all of them for `und`)' }) agentsAvailable!: number;
  @ApiProperty({ description: 'age of the oldest queued conversation in this language (from its first message), 0 when none' })
  longestWaitSeconds!: number;
  @ApiProperty({ description: 'queued conversations in this language that nobody on the roster can take' }) unroutable!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'the estimated wait, in seconds, of a conversation in this language arriving now (as at intake); null when nothing is known',
  })
  estimatedWaitSeconds!: number | null;
}

export class ChannelFiguresDto {
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty() queued!: number;
  @ApiProperty() assigned!: number;
}

/** Public live figures: counts and times only, never a passenger's or an agent's identity. */
export class LiveStatsDto {
  @ApiProperty() surgeActive!: boolean;
  @ApiProperty({ type: LiveIncidentDto, nullable: true, description: 'the incident whose surge is active' })
  incident!: LiveIncidentDto | null;
  @ApiProperty({ description: 'conversations waiting for an agent' }) queued!: number;
  @ApiProperty({ description: 'conversations held by an agent' }) assigned!: number;
  @ApiProperty({ description: 'signed-in agents with presence available' }) agentsAvailable!: number;
  @ApiProperty({ description: 'age of the oldest queued conversation (from its first message), 0 when none' }) longestWaitSeconds!: number;
  @ApiProperty({
    description: 'queued conversations nobody on the roster (signed in, or with a claimed shift within 2 hours) can take',
  })
  unroutable!: number;
  @ApiProperty({ type: FirstResponseDto }) firstResponse!: FirstResponseDto;
  @ApiProperty({ description: `the active incident's SLA for a first reply (${DEFAULT_SLA_MINUTES} without one)` }) slaMinutes!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 0.985,
    description:
      'share (0-1, 4 decimals) of first replies in the window sent within slaMinutes, where conversations still ' +
      'waiting for a first reply beyond slaMinutes count as misses; null when there is nothing to judge',
  })
  slaAttainment!: number | null;
  @ApiProperty({ type: [LanguageFiguresDto], description: 'languages with queued work or available agents, by code' })
  byLanguage!: LanguageFiguresDto[];
  @ApiProperty({ type: [ChannelFiguresDto], description: 'every channel, in a fixed order' }) byChannel!: ChannelFiguresDto[];
  @ApiProperty({ format: 'date-time', description: 'when these figures were computed (they are cached for at most 5 seconds)' }) updatedAt!: string;
}
