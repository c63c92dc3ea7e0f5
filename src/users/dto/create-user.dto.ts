import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { NotBlank } from '../../common/validation/field-decorators';
import { Role, ROLES } from '../user.entity';
import { LanguageLevelDto, SkillLevelDto } from './agent-profile.dto';
import { LanguagesField, MaxConcurrentField, SkillsField } from './profile-fields';

export class CreateUserDto {
  @ApiProperty({ example: 'sam@airline.example' })
  @IsEmail()
  @MaxLength(200)
  email!: string;

  @ApiProperty({ example: 'Sam Jansen' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @NotBlank()
  name!: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password!: string;

  @ApiProperty({ enum: ROLES, description: '`agent` creates a staff agent' })
  @IsIn(ROLES)
  role!: Role;

  @LanguagesField({ required: false })
  languages?: LanguageLevelDto[];

  @SkillsField()
  skills?: SkillLevelDto[];

  @MaxConcurrentField()
  maxConcurrent?: number;
}
