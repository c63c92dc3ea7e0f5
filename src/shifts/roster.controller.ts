import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/auth.decorators';
import { RosterQueryDto } from './dto/roster-query.dto';
import { RosterViewDto } from './dto/roster-view.dto';
import { RosterService } from './roster.service';

@ApiTags('shifts')
@ApiBearerAuth()
@Controller('roster')
export class RosterController {
  constructor(private readonly roster: RosterService) {}

  @Get()
  @Roles('incident_manager')
  @ApiOkResponse({ type: RosterViewDto })
  get(@Query() query: RosterQueryDto): Promise<RosterViewDto> {
    return this.roster.rosterFor(query);
  }
}
