import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { conflict, forbidden, invalidInput, notFound } from '../common/errors/domain-error';
import { decodeCursor, Page, TIME_AND_UUID, toPage } from '../common/pagination/page';
import { isExclusionViolation, isUniqueViolation } from '../database/pg-errors';
import { TransactionRunner } from '../database/transaction-runner';
import { EventsService } from '../events/events.service';
import { CreateShiftDto } from './dto/create-shift.dto';
import { ListShiftsQueryDto } from './dto/list-shifts.dto';
import { ShiftViewDto } from './dto/shift-view.dto';
import { staysWithinDailyHours } from './shift-hours';
import { shiftWindowProblem, TimeWindow, windowsOverlap } from './shift-window';
import { ClaimantScope, ShiftRow, ShiftsRepository } from './shifts.repository';

const toShiftView = (row: ShiftRow): ShiftViewDto => ({
  id: row.id,
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt.toISOString(),
  slots: row.slots,
  claimed: row.claimed,
  languages: row.languages,
  skills: row.skills,
  incidentId: row.incidentId,
  claimedBy: row.claimedBy,
});

/** Claimant names are for managers; an agent sees the count and its own claim. */
const scopeFor = (user: AuthUser): ClaimantScope =>
  user.role === 'agent' ? { all: false, viewerId: user.id } : { all: true };

@Injectable()
export class ShiftsService {
  constructor(
    private readonly shifts: ShiftsRepository,
    private readonly transactions: TransactionRunner,
    private readonly events: EventsService,
  ) {}

  async createShift(actor: AuthUser, dto: CreateShiftDto): Promise<ShiftViewDto> {
    const window = { startsAt: new Date(dto.startsAt), endsAt: new Date(dto.endsAt) };
    const problem = shiftWindowProblem(window, new Date());
    if (problem) throw invalidInput(problem);
    const incidentId = dto.incidentId ?? null;
    const shiftId = await this.transactions.run(async (manager) => {
      if (incidentId) await this.assertIncidentOpen(manager, incidentId);
      const id = await this.shifts.insertShift(manager, {
        ...window,
        slots: dto.slots,
        languages: dto.languages ?? [],
        skills: dto.skills ?? [],
        incidentId,
        createdBy: actor.id,
      });
      await this.events.record(
        { type: 'shift.created', actorId: actor.id, subjectType: 'shift', subjectId: id, payload: { slots: dto.slots, incidentId } },
        manager,
      );
      return id;
    });
    return toShiftView((await this.shifts.findShift(shiftId, scopeFor(actor)))!);
  }

  async listShifts(viewer: AuthUser, query: ListShiftsQueryDto): Promise<Page<ShiftViewDto>> {
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && to <= from) throw invalidInput('to must be after from');
    const rows = await this.shifts.listShifts(
      { from, to, openOnly: query.open === true, after: decodeCursor(query.cursor, TIME_AND_UUID), limit: query.limit },
      scopeFor(viewer),
    );
    return toPage(rows, query.limit, (row) => ({ sortValue: row.startsAt.toISOString(), id: row.id }), toShiftView);
  }

  /**
   * Already claimed by the caller → 409 (not idempotent: a second claim is a mistake worth
   * showing). A volunteer claiming another incident's shift → 403.
   */
  async claimShift(agent: AuthUser, shiftId: string): Promise<ShiftViewDto> {
    await this.transactions
      .run(async (manager) => {
        await this.assertMayClaim(manager, agent, shiftId);
        if (agent.kind === 'volunteer') await this.shifts.lockClaimsOf(manager, agent.id);
        const window = await this.shifts.takeSlot(manager, shiftId);
        if (!window) throw await this.slotRefusal(manager, shiftId);
        if (agent.kind === 'volunteer') await this.assertWithinDailyHours(manager, agent.id, window);
        await this.shifts.insertClaim(manager, shiftId, agent.id, window);
        await this.events.record({ type: 'shift.claimed', actorId: agent.id, subjectType: 'shift', subjectId: shiftId }, manager);
      })
      .catch(async (error: unknown) => {
        if (isExclusionViolation(error, 'shift_claims_no_overlap')) throw await this.overlapConflict(agent.id, shiftId);
        // The same agent claiming twice at once: the second insert meets the first's row.
        if (isUniqueViolation(error, 'shift_claims_pkey')) throw conflict('you have already claimed this shift');
        throw error;
      });
    return toShiftView((await this.shifts.findShift(shiftId, scopeFor(agent)))!);
  }

  /** Releasing a shift that has ended → 409: a worked shift stays on record. */
  async releaseShift(agent: AuthUser, shiftId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const state = await this.shifts.claimState(manager, shiftId);
      if (!state) throw notFound('shift', shiftId);
      if (state.over) throw conflict('shift is over; its claim stays on record');
      if (!(await this.shifts.deleteClaim(manager, shiftId, agent.id))) throw notFound('claim on shift', shiftId);
      await this.shifts.releaseSlot(manager, shiftId);
      await this.events.record({ type: 'shift.released', actorId: agent.id, subjectType: 'shift', subjectId: shiftId }, manager);
    });
  }

  private async assertIncidentOpen(manager: EntityManager, incidentId: string): Promise<void> {
    const status = await this.shifts.incidentStatus(manager, incidentId);
    if (!status) throw notFound('incident', incidentId);
    if (status === 'closed') throw conflict(`incident ${incidentId} is closed`);
  }

  private async assertMayClaim(manager: EntityManager, agent: AuthUser, shiftId: string): Promise<void> {
    const state = await this.shifts.claimState(manager, shiftId);
    if (!state) throw notFound('shift', shiftId);
    if (agent.kind === 'volunteer' && state.incidentId !== null) {
      const ownIncident = await this.shifts.agentIncident(manager, agent.id);
      if (state.incidentId !== ownIncident) throw forbidden('volunteers may only claim shifts of their own incident');
    }
    if (await this.shifts.hasClaim(manager, shiftId, agent.id)) throw conflict('you have already claimed this shift');
  }

  /**
   * Under lockClaimsOf, so the claims read here are all the volunteer has: a concurrent claim of
   * theirs waits for this transaction and then sees this claim. Refusing rolls back the slot.
   */
  private async assertWithinDailyHours(manager: EntityManager, agentId: string, window: TimeWindow): Promise<void> {
    const maxHours = await this.shifts.dailyHoursLimitOf(manager, agentId);
    if (maxHours === null) return;
    const claims = await this.shifts.claimsNear(manager, agentId, window);
    if (!staysWithinDailyHours(claims, window, maxHours)) {
      throw conflict(`claiming this shift would give you more than ${maxHours} hours of shifts in 24 hours (the incident's maxShiftHoursPer24h)`);
    }
  }

  private async slotRefusal(manager: EntityManager, shiftId: string): Promise<Error> {
    const state = await this.shifts.claimState(manager, shiftId);
    if (state?.over) return conflict('shift is over');
    return conflict('shift is full: every slot is claimed');
  }

  /** Names the claimed shift in the way; the constraint already decided, this only explains. */
  private async overlapConflict(agentId: string, shiftId: string): Promise<Error> {
    const [claims, shift] = await Promise.all([
      this.shifts.claimedWindowsOf(agentId),
      this.shifts.findShift(shiftId, { all: false, viewerId: agentId }),
    ]);
    const clash = shift ? claims.find((claim) => windowsOverlap(claim, shift)) : undefined;
    return conflict(
      clash
        ? `shift overlaps your claimed shift ${clash.shiftId} (${clash.startsAt.toISOString()} to ${clash.endsAt.toISOString()})`
        : 'shift overlaps another shift you claimed',
    );
  }
}
