import { Injectable } from '@nestjs/common';
import { AuthUser } from '../common/auth/auth-user';
import { conflict, invalidInput, notFound } from '../common/errors/domain-error';
import { CursorShape, decodeCursor, ListQueryDto, Page, TIME_AND_UUID, toPage } from '../common/pagination/page';
import { TransactionRunner } from '../database/transaction-runner';
import { EventsService } from '../events/events.service';
import { generateInviteCode } from '../volunteers/invite-code';
import { InvitesRepository } from '../volunteers/invites.repository';
import {
  CreateIncidentDto,
  DEFAULT_MAX_SHIFT_HOURS_PER_24H,
  DEFAULT_SLA_MINUTES,
  DEFAULT_VOLUNTEER_MAX_CONCURRENT,
} from './dto/create-incident.dto';
import { CreateInviteDto, DEFAULT_INVITE_MAX_USES } from './dto/create-invite.dto';
import { IncidentViewDto } from './dto/incident-view.dto';
import { InviteViewDto } from './dto/invite-view.dto';
import { ListIncidentsQueryDto } from './dto/list-incidents-query.dto';
import { UpdateIncidentDto } from './dto/update-incident.dto';
import { toIncidentView, toInviteView } from './incident-view.mapper';
import { IncidentsRepository } from './incidents.repository';

/** Invites are listed by creation time, ties broken by their code. */
const INVITE_KEYSET: CursorShape = { sortValue: 'timestamp', id: 'text' };

@Injectable()
export class IncidentsService {
  constructor(
    private readonly incidents: IncidentsRepository,
    private readonly invites: InvitesRepository,
    private readonly transactions: TransactionRunner,
    private readonly events: EventsService,
  ) {}

  async createIncident(actor: AuthUser, dto: CreateIncidentDto): Promise<IncidentViewDto> {
    const row = await this.transactions.run(async (manager) => {
      const incident = await this.incidents.insertIncident(manager, {
        name: dto.name,
        description: dto.description ?? null,
        slaMinutes: dto.slaMinutes ?? DEFAULT_SLA_MINUTES,
        maxShiftHoursPer24h: dto.maxShiftHoursPer24h ?? DEFAULT_MAX_SHIFT_HOURS_PER_24H,
        volunteerMaxConcurrent: dto.volunteerMaxConcurrent ?? DEFAULT_VOLUNTEER_MAX_CONCURRENT,
        createdBy: actor.id,
      });
      await this.events.record(
        {
          type: 'incident.created',
          actorId: actor.id,
          subjectType: 'incident',
          subjectId: incident.id,
          payload: {
            slaMinutes: incident.slaMinutes,
            maxShiftHoursPer24h: incident.maxShiftHoursPer24h,
            volunteerMaxConcurrent: incident.volunteerMaxConcurrent,
          },
        },
        manager,
      );
      return incident;
    });
    return toIncidentView(row, []);
  }

  async listIncidents(query: ListIncidentsQueryDto): Promise<Page<IncidentViewDto>> {
    const rows = await this.incidents.listIncidents({ limit: query.limit, after: decodeCursor(query.cursor, TIME_AND_UUID), status: query.status });
    const history = await this.incidents.surgeHistory(rows.slice(0, query.limit).map((row) => row.id));
    return toPage(
      rows,
      query.limit,
      (row) => ({ sortValue: row.createdAtKey, id: row.id }),
      (row) => toIncidentView(row, history.filter((event) => event.incidentId === row.id)),
    );
  }

  async getIncident(id: string): Promise<IncidentViewDto> {
    const row = await this.incidents.findIncident(id);
    if (!row) throw notFound('incident', id);
    return toIncidentView(row, await this.incidents.surgeHistory([id]));
  }

  /**
   * Settings apply from now on: a lower limit does not undo claims already made or change the
   * maxConcurrent of volunteers already enrolled. A closed incident keeps its record as it was.
   */
  async updateIncident(actor: AuthUser, id: string, dto: UpdateIncidentDto): Promise<IncidentViewDto> {
    await this.transactions.run(async (manager) => {
      const incident = await this.incidents.findIncident(id, { manager, lock: true });
      if (!incident) throw notFound('incident', id);
      if (incident.status === 'closed') throw conflict(`incident ${id} is closed; its settings stay as they were`);
      await this.incidents.updateIncident(manager, id, dto);
      await this.events.record(
        { type: 'incident.updated', actorId: actor.id, subjectType: 'incident', subjectId: id, payload: { changed: changedFields(dto) } },
        manager,
      );
    });
    return this.getIncident(id);
  }

  /** Closing is final and only allowed once the surge is off, so volunteers have been expired first. */
  async closeIncident(actor: AuthUser, id: string): Promise<IncidentViewDto> {
    await this.transactions.run(async (manager) => {
      const incident = await this.incidents.findIncident(id, { manager, lock: true });
      if (!incident) throw notFound('incident', id);
      if (incident.status === 'closed') return;
      if (incident.surgeActive) throw conflict(`incident ${id} still has its surge active; deactivate the surge first`);
      await this.incidents.closeIncident(manager, id);
      await this.events.record({ type: 'incident.closed', actorId: actor.id, subjectType: 'incident', subjectId: id }, manager);
    });
    return this.getIncident(id);
  }

  /** The incident's invites, newest first, with their uses so far (404 for an unknown incident). */
  async listInvites(incidentId: string, query: ListQueryDto): Promise<Page<InviteViewDto>> {
    if (!(await this.incidents.findIncident(incidentId))) throw notFound('incident', incidentId);
    const rows = await this.invites.listInvites(incidentId, decodeCursor(query.cursor, INVITE_KEYSET), query.limit + 1);
    return toPage(rows, query.limit, (row) => ({ sortValue: row.createdAtKey, id: row.code }), toInviteView);
  }

  async createInvite(actor: AuthUser, incidentId: string, dto: CreateInviteDto): Promise<InviteViewDto> {
    const expiresAt = dto.expiresAt === undefined ? null : new Date(dto.expiresAt);
    if (expiresAt && expiresAt.getTime() <= Date.now()) throw invalidInput('expiresAt must be in the future');
    const invite = await this.transactions.run(async (manager) => {
      const incident = await this.incidents.findIncident(incidentId, { manager });
      if (!incident) throw notFound('incident', incidentId);
      if (incident.status === 'closed') throw conflict(`incident ${incidentId} is closed; it takes no more volunteers`);
      const row = await this.invites.insertInvite(manager, {
        code: generateInviteCode(),
        incidentId,
        maxUses: dto.maxUses ?? DEFAULT_INVITE_MAX_USES,
        expiresAt,
        autoApprove: dto.autoApprove ?? true,
        createdBy: actor.id,
      });
      // The code itself stays out of the audit trail: it is a credential for enrolling.
      await this.events.record(
        {
          type: 'invite.created',
          actorId: actor.id,
          subjectType: 'incident',
          subjectId: incidentId,
          payload: { maxUses: row.maxUses, expiresAt: row.expiresAt?.toISOString() ?? null, autoApprove: row.autoApprove },
        },
        manager,
      );
      return row;
    });
    return toInviteView(invite);
  }
}

/** The fields a PATCH gave (the validation pipe's instance carries the others as undefined). */
function changedFields(dto: UpdateIncidentDto): string[] {
  return Object.entries(dto)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key)
    .sort();
}
