import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO6391, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/page';
import { TemplateVariantDto } from './save-template.dto';

export class TemplateViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [TemplateVariantDto], description: 'in the order they were given' }) variants!: TemplateVariantDto[];
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class TemplatePageDto {
  @ApiProperty({ type: [TemplateViewDto] }) items!: TemplateViewDto[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page' }) nextCursor!: string | null;
}

export class ListTemplatesQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ example: 'nl', description: 'only templates with a variant in this language' })
  @IsOptional()
  @IsISO6391({ message: 'language must be an ISO 639-1 language code' })
  language?: string;

  @ApiPropertyOptional({ example: 'rebook', description: 'name or variant text contains (case-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class RenderTemplateQueryDto {
  @ApiProperty({ format: 'uuid', description: 'the conversation the reply would go to' })
  @IsUUID('all', { message: 'conversationId must be a UUID' })
  conversationId!: string;
}

/** What a reply with this template would send to the conversation. */
export class RenderedTemplateDto {
  @ApiProperty({ example: 'nl', description: "the variant's language" }) language!: string;
  @ApiProperty() text!: string;
}
