import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../common/auth/auth.decorators';
import { EnrollVolunteerDto } from './dto/enroll-volunteer.dto';
import { EnrollmentDto } from './dto/enrollment.dto';
import { VolunteersService } from './volunteers.service';

@ApiTags('volunteers')
@Controller('volunteers')
export class VolunteersController {
  constructor(private readonly volunteers: VolunteersService) {}

  @Public()
  @Post('enroll')
  @ApiOperation({ summary: 'Enroll as a volunteer with an invite code (no token needed)' })
  @ApiCreatedResponse({ type: EnrollmentDto })
  @ApiForbiddenResponse({ description: 'invite code unknown, expired or used up' })
  @ApiConflictResponse({ description: "the invite's surge is not active, or the email is taken" })
  enroll(@Body() body: EnrollVolunteerDto): Promise<EnrollmentDto> {
    return this.volunteers.enroll(body);
  }
}
