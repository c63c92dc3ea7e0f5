import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { ApiSignedIn, Roles } from '../common/auth/auth.decorators';
import { RosterQueryDto } from './dto/roster-query.dto';
import { RosterViewDto } from './dto/roster-view.dto';
import { RosterService } from './roster.service';

@ApiTags('shifts')
@ApiSignedIn()
@Controller('roster')
export class RosterController {
  constructor(private readonly roster: RosterService) {}

  @Get()
  @Roles('incident_manager')
  @ApiOkResponse({ type: RosterViewDto })
  @ApiOperation({ operationId: 'getRoster', summary: 'Scheduled, signed-in and queued per bucket and language, with the gaps' })
  @ApiErrors(400)
  get(@Query() query: RosterQueryDto): Promise<RosterViewDto> {
    return this.roster.rosterFor(query);
  }
}
