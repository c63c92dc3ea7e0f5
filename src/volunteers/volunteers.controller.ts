import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiError, ApiErrors } from '../openapi/api-errors.decorator';
import { Public } from '../common/auth/auth.decorators';
import { EnrollVolunteerDto } from './dto/enroll-volunteer.dto';
import { EnrollmentDto } from './dto/enrollment.dto';
import { VolunteersService } from './volunteers.service';
import { RateLimited } from '../rate-limits/rate-limit.decorator';

@ApiTags('volunteers')
@Controller('volunteers')
export class VolunteersController {
  constructor(private readonly volunteers: VolunteersService) {}

  @Public()
  @RateLimited('enroll-address')
  @Post('enroll')
  @ApiOperation({ operationId: 'enrollVolunteer', summary: 'Enroll as a volunteer with an invite code (no token needed)' })
  @ApiCreatedResponse({ type: EnrollmentDto })
  @ApiError(403, 'invite code unknown, expired or used up')
  @ApiError(409, "the invite's surge is not active, or the email is taken")
  @ApiErrors(400)
  enroll(@Body() body: EnrollVolunteerDto): Promise<EnrollmentDto> {
    return this.volunteers.enroll(body);
  }
}
