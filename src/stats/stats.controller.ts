import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiError, ApiErrors } from '../openapi/api-errors.decorator';
import { ApiSignedIn, Public, Roles } from '../common/auth/auth.decorators';
import { ListQueryDto, Page } from '../common/pagination/page';
import { AgentStatsDto, AgentStatsPageDto } from './dto/agent-stats.dto';
import { LiveStatsDto } from './dto/live-stats.dto';
import { StatsHistoryDto, StatsHistoryQueryDto } from './dto/stats-history.dto';
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
  @ApiOperation({ operationId: 'getLiveStats', summary: 'Live queue and response-time figures (public, no personal data, at most 5 seconds old)' })
  @ApiOkResponse({ type: LiveStatsDto })
  live(): Promise<LiveStatsDto> {
    return this.stats.liveStats();
  }

  @Get('history')
  @ApiSignedIn()
  @Roles('incident_manager')
  @ApiOperation({ operationId: 'getStatsHistory', summary: 'Waiting conversations and median first response per bucket over the last hours' })
  @ApiOkResponse({ type: StatsHistoryDto })
  @ApiError(400, 'hours or bucketMinutes out of range')
  history(@Query() query: StatsHistoryQueryDto): Promise<StatsHistoryDto> {
    return this.stats.statsHistory(query);
  }

  @Get('agents')
  @ApiSignedIn()
  @Roles('incident_manager')
  @ApiOperation({ operationId: 'listAgentStats', summary: 'Per agent, by name: load, presence, conversations handled, median first response' })
  @ApiOkResponse({ type: AgentStatsPageDto })
  @ApiErrors(400)
  agents(@Query() query: ListQueryDto): Promise<Page<AgentStatsDto>> {
    return this.stats.agentStats(query);
  }
}
