import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiError, ApiErrors } from '../openapi/api-errors.decorator';
import { AuthUser } from '../common/auth/auth-user';
import { ApiSignedIn, CurrentUser, Roles } from '../common/auth/auth.decorators';
import { invalidInput } from '../common/errors/domain-error';
import { ListQueryDto, Page } from '../common/pagination/page';
import { CreateIncidentDto } from './dto/create-incident.dto';
import { CreateInviteDto } from './dto/create-invite.dto';
import { IncidentPageDto, IncidentViewDto } from './dto/incident-view.dto';
import { InvitePageDto, InviteViewDto } from './dto/invite-view.dto';
import { ListIncidentsQueryDto } from './dto/list-incidents-query.dto';
import { UpdateIncidentDto } from './dto/update-incident.dto';
import { IncidentsService } from './incidents.service';
import { SurgeService } from './surge.service';

const IncidentId = () => Param('id', new ParseUUIDPipe({ exceptionFactory: () => invalidInput('id must be a UUID') }));

@ApiTags('incidents')
@ApiSignedIn()
@Roles('incident_manager')
@Controller('incidents')
export class IncidentsController {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly surge: SurgeService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: IncidentViewDto })
  @ApiOperation({ operationId: 'createIncident', summary: 'Open an incident' })
  @ApiErrors(400)
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateIncidentDto): Promise<IncidentViewDto> {
    return this.incidents.createIncident(actor, body);
  }

  @Get()
  @ApiOperation({ operationId: 'listIncidents', summary: 'Incidents, newest first, each with its surge history' })
  @ApiOkResponse({ type: IncidentPageDto })
  @ApiErrors(400)
  list(@Query() query: ListIncidentsQueryDto): Promise<Page<IncidentViewDto>> {
    return this.incidents.listIncidents(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: IncidentViewDto })
  @ApiError(404)
  @ApiOperation({ operationId: 'getIncident', summary: 'One incident with its surge history' })
  @ApiErrors(400)
  get(@IncidentId() id: string): Promise<IncidentViewDto> {
    return this.incidents.getIncident(id);
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updateIncident', summary: "Change an open incident's name, description, SLA or volunteer safeguards" })
  @ApiOkResponse({ type: IncidentViewDto })
  @ApiError(404)
  @ApiError(409, 'the incident is closed')
  @ApiErrors(400)
  update(@CurrentUser() actor: AuthUser, @IncidentId() id: string, @Body() body: UpdateIncidentDto): Promise<IncidentViewDto> {
    return this.incidents.updateIncident(actor, id, body);
  }

  @Post(':id/surge/activate')
  @HttpCode(200)
  @ApiOperation({ operationId: 'activateSurge', summary: 'Switch surge mode on for this incident (idempotent)' })
  @ApiOkResponse({ type: IncidentViewDto })
  @ApiError(409, "another incident's surge is active, or this incident is closed")
  @ApiErrors(400, 404)
  activateSurge(@CurrentUser() actor: AuthUser, @IncidentId() id: string): Promise<IncidentViewDto> {
    return this.surge.activateSurge(actor, id);
  }

  @Post(':id/surge/deactivate')
  @HttpCode(200)
  @ApiOperation({ operationId: 'deactivateSurge', summary: "Switch surge mode off (idempotent); the incident's volunteers are signed out and expire" })
  @ApiOkResponse({ type: IncidentViewDto })
  @ApiErrors(400, 404)
  deactivateSurge(@CurrentUser() actor: AuthUser, @IncidentId() id: string): Promise<IncidentViewDto> {
    return this.surge.deactivateSurge(actor, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ operationId: 'closeIncident', summary: 'Close the incident (idempotent); only once its surge is off' })
  @ApiOkResponse({ type: IncidentViewDto })
  @ApiError(409, 'the surge is still active')
  @ApiErrors(400, 404)
  close(@CurrentUser() actor: AuthUser, @IncidentId() id: string): Promise<IncidentViewDto> {
    return this.incidents.closeIncident(actor, id);
  }

  @Get(':id/invites')
  @ApiOperation({ operationId: 'listInvites', summary: "The incident's invites, newest first, with their uses so far" })
  @ApiOkResponse({ type: InvitePageDto })
  @ApiErrors(400, 404)
  listInvites(@IncidentId() id: string, @Query() query: ListQueryDto): Promise<Page<InviteViewDto>> {
    return this.incidents.listInvites(id, query);
  }

  @Post(':id/invites')
  @ApiOperation({ operationId: 'createInvite', summary: 'Issue a volunteer invite code for this incident' })
  @ApiCreatedResponse({ type: InviteViewDto })
  @ApiError(409, 'the incident is closed')
  @ApiErrors(400, 404)
  createInvite(@CurrentUser() actor: AuthUser, @IncidentId() id: string, @Body() body: CreateInviteDto): Promise<InviteViewDto> {
    return this.incidents.createInvite(actor, id, body);
  }
}
