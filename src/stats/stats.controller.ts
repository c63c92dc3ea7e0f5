import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../common/auth/auth.decorators';
import { ListQueryDto, Page } from '../common/pagination/page';
import { AgentStatsDto, AgentStatsPageDto } from './dto/agent-stats.dto';
import { LiveStatsDto } from './dto/live-stats.dto';
import { StatsService } from './stats.service';

@ApiTags('stats')
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Public()
  @Get('live')
  // Public figures without personal data: any web page may read them.
  @Header('Access-Control-Allow-Origin', '*')
  @Header('Cache-Control', 'public, max-age=5')
  @ApiOperation({ summary: 'Live queue and response-time figures (public, no personal data, at most 5 seconds old)' })
  @ApiOkResponse({ type: LiveStatsDto })
  live(): Promise<LiveStatsDto> {
    return this.stats.liveStats();
  }

  @Get('agents')
  @ApiBearerAuth()
  @Roles('incident_manager')
  @ApiOperation({ summary: 'Per agent, by name: load, presence, conversations handled, median first response' })
  @ApiOkResponse({ type: AgentStatsPageDto })
  agents(@Query() query: ListQueryDto): Promise<Page<AgentStatsDto>> {
    return this.stats.agentStats(query);
  }
}
