import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { NotBlank } from '../../common/validation/field-decorators';
import { LanguageLevelDto, SkillLevelDto } from '../../users/dto/agent-profile.dto';
import { LanguagesField, MaxConcurrentField, SkillsField } from '../../users/dto/profile-fields';

export class EnrollVolunteerDto {
  @ApiProperty({ example: '7QK2M9TXC4HZ8WNA', description: 'the code an incident manager issued' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  inviteCode!: string;

  @ApiProperty({ example: 'Alex de Vries' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @NotBlank()
  name!: string;

  @ApiProperty({ example: 'alex@example.org' })
  @IsEmail()
  @MaxLength(200)
  email!: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password!: string;

  @LanguagesField({ required: true })
  @ArrayMinSize(1)
  languages!: LanguageLevelDto[];

  @SkillsField()
  skills?: SkillLevelDto[];

  @MaxConcurrentField()
  maxConcurrent?: number;
}
