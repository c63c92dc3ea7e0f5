import { ApiProperty } from '@nestjs/swagger';

export class ImportLineErrorDto {
  @ApiProperty({ description: '1-based line in the file; the header is line 1' }) line!: number;
  @ApiProperty({ example: 'languages: "xx" is not an ISO 639-1 language code' }) message!: string;
}

export class ImportAgentsResultDto {
  @ApiProperty({ description: 'new agent accounts' }) created!: number;
  @ApiProperty({ description: 'existing agents whose profile the file set' }) updated!: number;
  @ApiProperty({ type: [ImportLineErrorDto], description: 'rows skipped, in file order' }) errors!: ImportLineErrorDto[];
}
