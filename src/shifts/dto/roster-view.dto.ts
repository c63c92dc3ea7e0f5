import { ApiProperty } from '@nestjs/swagger';

export class RosterLanguageDto {
  @ApiProperty({ example: 'nl', description: "ISO 639-1 code, or 'und' for queued work of unknown language" }) language!: string;
  @ApiProperty({ description: 'active agents speaking the language with a claimed shift overlapping the bucket' }) scheduled!: number;
  @ApiProperty({ description: 'agents speaking the language signed in now; only on the bucket containing now, else 0' }) signedIn!: number;
  @ApiProperty({ description: 'queued conversations in the language now; only on the bucket containing now, else 0' }) queued!: number;
}

export class RosterBucketDto {
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty({ type: [RosterLanguageDto] }) languages!: RosterLanguageDto[];
}

export class RosterGapDto {
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty() language!: string;
  @ApiProperty({ description: 'conversations queued in the language now' }) queued!: number;
}

export class RosterViewDto {
  @ApiProperty({ type: [RosterBucketDto], description: 'every bucket lists every language that has scheduled, signed-in or queued agents/work' })
  buckets!: RosterBucketDto[];

  @ApiProperty({ type: [RosterGapDto], description: 'buckets where a language with queued work has no scheduled agent' })
  gaps!: RosterGapDto[];
}
