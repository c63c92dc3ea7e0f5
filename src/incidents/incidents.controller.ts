import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/auth.decorators';
import { invalidInput } from '../common/errors/domain-error';
import { Page } from '../common/pagination/page';
import { CreateIncidentDto } from './dto/create-incident.dto';
import { CreateInviteDto } from './dto/create-invite.dto';
import { IncidentPageDto, IncidentViewDto } from './dto/incident-view.dto';
import { InviteViewDto } from './dto/invite-view.dto';
import { ListIncidentsQueryDto } from './dto/list-incidents-query.dto';
import { IncidentsService } from './incidents.service';
import { SurgeService } from './surge.service';

const IncidentId = () => Param('id', new ParseUUIDPipe({ exceptionFactory: () => invalidInput('id must be a UUID') }));

@ApiTags('incidents')
@ApiBearerAuth()
@Roles('incident_manager')
@Controller('incidents')
export class IncidentsController {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly surge: SurgeService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: IncidentViewDto })
  create(@CurrentUser() actor: AuthUser, @Body() body: CreateIncidentDto): Promise<IncidentViewDto> {
    return this.incidents.createIncident(actor, body);
  }

  @Get()
  @ApiOperation({ summary: 'Incidents, newest first, each with its surge history' })
  @ApiOkResponse({ type: IncidentPageDto })
  list(@Query() query: ListIncidentsQueryDto): Promise<Page<IncidentViewDto>> {
    return this.incidents.listIncidents(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: IncidentViewDto })
  @ApiNotFoundResponse()
  get(@IncidentId() id: string): Promise<IncidentViewDto> {
    return this.incidents.getIncident(id);
  }

  @Post(':id/surge/activate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Switch surge mode on for this incident (idempotent)' })
  @ApiOkResponse({ type: IncidentViewDto })
  @ApiConflictResponse({ description: "another incident's surge is active, or this incident is closed" })
  activateSurge(@CurrentUser() actor: AuthUser, @IncidentId() id: string): Promise<IncidentViewDto> {
    return this.surge.activateSurge(actor, id);
  }

  @Post(':id/surge/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: "Switch surge mode off (idempotent); the incident's volunteers are signed out and expire" })
  @ApiOkResponse({ type: IncidentViewDto })
  deactivateSurge(@CurrentUser() actor: AuthUser, @IncidentId() id: string): Promise<IncidentViewDto> {
    return this.surge.deactivateSurge(actor, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the incident (idempotent); only once its surge is off' })
  @ApiOkResponse({ type: IncidentViewDto })
  @ApiConflictResponse({ description: 'the surge is still active' })
  close(@CurrentUser() actor: AuthUser, @IncidentId() id: string): Promise<IncidentViewDto> {
    return this.incidents.closeIncident(actor, id);
  }

  @Post(':id/invites')
  @ApiOperation({ summary: 'Issue a volunteer invite code for this incident' })
  @ApiCreatedResponse({ type: InviteViewDto })
  @ApiConflictResponse({ description: 'the incident is closed' })
  createInvite(@CurrentUser() actor: AuthUser, @IncidentId() id: string, @Body() body: CreateInviteDto): Promise<InviteViewDto> {
    return this.incidents.createInvite(actor, id, body);
  }
}
