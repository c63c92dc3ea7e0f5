import { ApiProperty } from '@nestjs/swagger';

export class ImportLineErrorDto {
  @ApiProperty({ description: '1-based line in the file; the header is line 1' }) line!: number;
  @ApiProperty({ example: 'languages: "xx" is not an ISO 639-1 language code' }) message!: string;
}

export const IMPORT_OUTCOMES = ['created', 'updated'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export class ImportLineAppliedDto {
  @ApiProperty({ description: '1-based line in the file; the header is line 1' }) line!: number;
  @ApiProperty({ format: 'uuid' }) agentId!: string;
  @ApiProperty({ enum: IMPORT_OUTCOMES }) outcome!: ImportOutcome;
}

/** Every data row is in exactly one of `applied` and `errors`. */
export class ImportAgentsResultDto {
  @ApiProperty({ description: 'new agent accounts' }) created!: number;
  @ApiProperty({ description: 'existing agents whose profile the file set' }) updated!: number;
  @ApiProperty({ type: [ImportLineAppliedDto], description: 'rows stored, each in its own committed transaction, in file order' })
  applied!: ImportLineAppliedDto[];
  @ApiProperty({ type: [ImportLineErrorDto], description: 'rows skipped (nothing of them stored), in file order' }) errors!: ImportLineErrorDto[];
}
