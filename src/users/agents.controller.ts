import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/auth.decorators';
import { invalidInput } from '../common/errors/domain-error';
import { AgentsService } from './agents.service';
import { AgentPageDto } from './dto/agent-page.dto';
import { AgentViewDto } from './dto/agent-view.dto';
import { ImportAgentsResultDto } from './dto/import-agents-result.dto';
import { ListAgentsQueryDto } from './dto/list-agents-query.dto';
import { UpdateAgentDto } from './dto/update-agent.dto';
import { AgentImportService } from './import/agent-import.service';

const agentId = new ParseUUIDPipe({ exceptionFactory: () => invalidInput('id must be a UUID') });

const CSV_EXAMPLE = 'name,email,kind,languages,skills,maxConcurrent\n"Jansen, Sam",sam@airline.example,staff,nl:5;en:4,rebooking:3;refunds:2,4\n';

@ApiTags('agents')
@ApiBearerAuth()
@Roles('admin')
@Controller('agents')
export class AgentsController {
  constructor(
    private readonly agents: AgentsService,
    private readonly importer: AgentImportService,
  ) {}

  @Get()
  @ApiOkResponse({ type: AgentPageDto })
  list(@Query() query: ListAgentsQueryDto): Promise<AgentPageDto> {
    return this.agents.listAgents(query);
  }

  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Create or update agents from a roster CSV, one transaction per row',
    description:
      'Header `name,email,kind,languages,skills,maxConcurrent` in any order, plus an optional `password` column. ' +
      'A new email creates an agent (a volunteer joins the incident whose surge is active); an existing agent gets ' +
      'the row\'s name, languages, skills and maxConcurrent (an empty maxConcurrent keeps the current value). ' +
      'A password is stored only for accounts that have none yet; without one the person cannot log in. ' +
      'Rows with errors are skipped and reported with their line (header = 1). At most 2000 rows per file (about 20 s).',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: CSV_EXAMPLE } })
  @ApiOkResponse({ type: ImportAgentsResultDto })
  async importRoster(@CurrentUser() actor: AuthUser, @Body() body: string): Promise<ImportAgentsResultDto> {
    return this.importer.importRoster(actor, body);
  }

  @Get(':id')
  @ApiOkResponse({ type: AgentViewDto })
  @ApiNotFoundResponse({ description: 'no agent with this id' })
  get(@Param('id', agentId) id: string): Promise<AgentViewDto> {
    return this.agents.getAgent(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: AgentViewDto })
  @ApiConflictResponse({ description: 'maxConcurrent below the current load, or a status the account cannot take' })
  async update(@CurrentUser() actor: AuthUser, @Param('id', agentId) id: string, @Body() body: UpdateAgentDto): Promise<AgentViewDto> {
    return (await this.agents.updateAgent(actor, id, body)).agent;
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: AgentViewDto })
  @ApiConflictResponse({ description: 'the agent is not pending approval' })
  approve(@CurrentUser() actor: AuthUser, @Param('id', agentId) id: string): Promise<AgentViewDto> {
    return this.agents.approveAgent(actor, id);
  }
}
