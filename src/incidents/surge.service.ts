import { Injectable } from '@nestjs/common';
import { AuthUser } from '../common/auth/auth-user';
import { conflict, DomainError, notFound } from '../common/errors/domain-error';
import { isUniqueViolation } from '../database/pg-errors';
import { TransactionRunner } from '../database/transaction-runner';
import { EventsService } from '../events/events.service';
import { OffDutyService } from '../routing/off-duty.service';
import { RoutingScheduler } from '../routing/routing-scheduler';
import { VolunteersService } from '../volunteers/volunteers.service';
import { IncidentViewDto } from './dto/incident-view.dto';
import { SurgeStatusDto } from './dto/surge-status.dto';
import { IncidentRow, IncidentsRepository } from './incidents.repository';
import { IncidentsService } from './incidents.service';

/** Surge mode: at most one incident at a time has it on. */
@Injectable()
export class SurgeService {
  constructor(
    private readonly incidents: IncidentsRepository,
    private readonly incidentViews: IncidentsService,
    private readonly volunteers: VolunteersService,
    private readonly transactions: TransactionRunner,
    private readonly events: EventsService,
    private readonly offDuty: OffDutyService,
    private readonly routing: RoutingScheduler,
  ) {}

  async currentSurge(): Promise<SurgeStatusDto> {
    const incident = await this.incidents.findActiveSurge();
    if (!incident) return { active: false, incident: null, activatedAt: null };
    return {
      active: true,
      incident: { id: incident.id, name: incident.name, slaMinutes: incident.slaMinutes },
      activatedAt: incident.surgeActivatedAt?.toISOString() ?? null,
    };
  }

  /** Idempotent for the incident already in surge; 409 while another incident's surge is on. */
  async activateSurge(actor: AuthUser, incidentId: string): Promise<IncidentViewDto> {
    await this.transactions
      .run(async (manager, effects) => {
        const incident = await this.incidents.findIncident(incidentId, { manager, lock: true });
        if (!incident) throw notFound('incident', incidentId);
        if (incident.status === 'closed') throw conflict(`incident ${incidentId} is closed; its surge cannot be activated`);
        if (incident.surgeActive) return;
        const other = await this.incidents.findActiveSurge(manager);
        if (other) throw otherSurgeActive(other);
        await this.incidents.setSurgeActive(manager, incidentId, true);
        await this.incidents.insertSurgeEvent(manager, incidentId, 'activated', actor.id);
        await this.events.record({ type: 'surge.activated', actorId: actor.id, subjectType: 'incident', subjectId: incidentId }, manager);
        // Surge-only rules now match and volunteers may work: decide the waiting work again.
        effects.add('reconcile after surge on', () => this.routing.reconcileNow());
      })
      .catch(async (error: unknown) => {
        // Lost the race to a concurrent activation of another incident: the index refused the second surge.
        if (isUniqueViolation(error, 'incidents_single_active_surge')) throw otherSurgeActive(await this.incidents.findActiveSurge());
        throw error;
      });
    return this.incidentViews.getIncident(incidentId);
  }

  /**
   * Surge off, its history row and the expiry of the incident's volunteers commit together, so no
   * volunteer stays signed in to a surge that has ended, and their open conversations go back to the
   * queue (keeping their age) in the same commit. Idempotent when the surge is already off.
   */
  async deactivateSurge(actor: AuthUser, incidentId: string): Promise<IncidentViewDto> {
    await this.transactions.run(async (manager, effects) => {
      const incident = await this.incidents.findIncident(incidentId, { manager, lock: true });
      if (!incident) throw notFound('incident', incidentId);
      if (!incident.surgeActive) return;
      await this.incidents.setSurgeActive(manager, incidentId, false);
      await this.incidents.insertSurgeEvent(manager, incidentId, 'deactivated', actor.id);
      const expired = await this.volunteers.expireVolunteersOfIncident(manager, incidentId, actor.id);
      for (const agentId of expired) await this.offDuty.takeOffDuty(manager, effects, agentId, 'surge_ended', actor.id);
      await this.events.record(
        { type: 'surge.deactivated', actorId: actor.id, subjectType: 'incident', subjectId: incidentId, payload: { expiredVolunteers: expired.length } },
        manager,
      );
      effects.add('reconcile after surge off', () => this.routing.reconcileNow());
    });
    return this.incidentViews.getIncident(incidentId);
  }
}

function otherSurgeActive(other: IncidentRow | null): DomainError {
  if (!other) return conflict('another incident has its surge active; only one surge can be active at a time');
  return conflict(`incident "${other.name}" (${other.id}) has its surge active; only one surge can be active at a time`);
}
