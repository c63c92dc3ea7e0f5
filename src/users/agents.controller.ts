import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiError, ApiErrors } from '../openapi/api-errors.decorator';
import { AuthUser } from '../common/auth/auth-user';
import { ApiSignedIn, CurrentUser, Roles } from '../common/auth/auth.decorators';
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
@ApiSignedIn()
@Roles('admin')
@Controller('agents')
export class AgentsController {
  constructor(
    private readonly agents: AgentsService,
    private readonly importer: AgentImportService,
  ) {}

  @Get()
  @ApiOkResponse({ type: AgentPageDto })
  @ApiOperation({ operationId: 'listAgents', summary: 'Agents, filtered by kind, status, language, skill and presence' })
  @ApiErrors(400)
  list(@Query() query: ListAgentsQueryDto): Promise<AgentPageDto> {
    return this.agents.listAgents(query);
  }

  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'importAgents',
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
  @ApiErrors(400)
  async importRoster(@CurrentUser() actor: AuthUser, @Body() body: string): Promise<ImportAgentsResultDto> {
    return this.importer.importRoster(actor, body);
  }

  @Get(':id')
  @ApiOkResponse({ type: AgentViewDto })
  @ApiError(404, 'no agent with this id')
  @ApiOperation({ operationId: 'getAgent', summary: 'One agent with its languages, skills, load and presence' })
  @ApiErrors(400)
  get(@Param('id', agentId) id: string): Promise<AgentViewDto> {
    return this.agents.getAgent(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: AgentViewDto })
  @ApiError(409, 'maxConcurrent below the current load, or a status the account cannot take')
  @ApiOperation({ operationId: 'updateAgent', summary: "Change an agent's languages, skills, maxConcurrent, status or name" })
  @ApiErrors(400, 404)
  async update(@CurrentUser() actor: AuthUser, @Param('id', agentId) id: string, @Body() body: UpdateAgentDto): Promise<AgentViewDto> {
    return (await this.agents.updateAgent(actor, id, body)).agent;
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: AgentViewDto })
  @ApiError(409, 'the agent is not pending approval')
  @ApiOperation({ operationId: 'approveAgent', summary: 'Approve a pending volunteer' })
  @ApiErrors(400, 404)
  approve(@CurrentUser() actor: AuthUser, @Param('id', agentId) id: string): Promise<AgentViewDto> {
    return this.agents.approveAgent(actor, id);
  }
}
