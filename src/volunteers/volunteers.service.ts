import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PasswordHasher } from '../common/auth/password-hasher';
import { conflict, DomainError, forbidden, invalidInput } from '../common/errors/domain-error';
import { isUniqueViolation } from '../database/pg-errors';
import { TransactionRunner } from '../database/transaction-runner';
import { EventsService } from '../events/events.service';
import { AgentsRepository } from '../users/agents.repository';
import { UsersRepository } from '../users/users.repository';
import { EnrollVolunteerDto } from './dto/enroll-volunteer.dto';
import { EnrollmentDto } from './dto/enrollment.dto';
import { normalizeInviteCode } from './invite-code';
import { InvitesRepository, InviteState } from './invites.repository';
import { EnrollmentIncident, VolunteersRepository } from './volunteers.repository';

@Injectable()
export class VolunteersService {
  constructor(
    private readonly invites: InvitesRepository,
    private readonly volunteers: VolunteersRepository,
    private readonly users: UsersRepository,
    private readonly agents: AgentsRepository,
    private readonly hasher: PasswordHasher,
    private readonly transactions: TransactionRunner,
    private readonly events: EventsService,
  ) {}

  /**
   * The invite use, the account and the profile commit together or not at all: a refused or failed
   * enrollment never consumes a use. Hashing happens first so the invite row is locked only briefly.
   */
  async enroll(dto: EnrollVolunteerDto): Promise<EnrollmentDto> {
    const code = normalizeInviteCode(dto.inviteCode);
    // A public endpoint: refuse a dead code before spending a password hash on it. Only the
    // consumeUse in the transaction decides; this early read may be stale.
    const early = inviteRefusal(await this.invites.findByCode(code));
    if (early) throw early;
    const passwordHash = await this.hasher.hash(dto.password);
    return this.transactions
      .run((manager) => this.consumeInviteAndInsertVolunteer(manager, code, dto, passwordHash))
      .catch((error: unknown) => {
        if (isUniqueViolation(error, 'users_email_key')) throw conflict(`email ${dto.email} is already registered`);
        throw error;
      });
  }

  /**
   * Surge end: every volunteer of the incident is signed out and expired, in the caller's
   * transaction. Returns the expired agent ids so their open work can be handed back to the queue.
   */
  async expireVolunteersOfIncident(manager: EntityManager, incidentId: string, actorId: string): Promise<string[]> {
    const expired = await this.volunteers.expireVolunteersOfIncident(manager, incidentId);
    for (const agentId of expired) {
      await this.events.record(
        { type: 'volunteer.expired', actorId, subjectType: 'user', subjectId: agentId, payload: { incidentId } },
        manager,
      );
    }
    return expired;
  }

  private async consumeInviteAndInsertVolunteer(
    manager: EntityManager,
    code: string,
    dto: EnrollVolunteerDto,
    passwordHash: string,
  ): Promise<EnrollmentDto> {
    const invite = await this.invites.consumeUse(manager, code);
    if (!invite) throw inviteRefusal(await this.invites.findByCode(code, manager)) ?? forbidden('inviteCode can no longer be used');
    const incident = await this.assertSurgeActive(manager, invite.incidentId);
    const maxConcurrent = dto.maxConcurrent ?? incident.volunteerMaxConcurrent;
    // The incident's limit, not the caller, decides how much a volunteer takes on; an admin may
    // still raise it per agent afterwards. Checked in the transaction, so a use is not consumed.
    if (maxConcurrent > incident.volunteerMaxConcurrent) {
      throw invalidInput(
        `maxConcurrent must not be greater than ${incident.volunteerMaxConcurrent}, the incident's volunteerMaxConcurrent`,
      );
    }
    const status = invite.autoApprove ? 'active' : 'pending';
    const user = await this.users.insertAccount(manager, { email: dto.email, name: dto.name, passwordHash, role: 'agent', status });
    await this.agents.insertProfile(manager, user.id, {
      kind: 'volunteer',
      incidentId: invite.incidentId,
      maxConcurrent,
      languages: dto.languages,
      skills: dto.skills ?? [],
    });
    await this.events.record(
      { type: 'volunteer.enrolled', actorId: user.id, subjectType: 'user', subjectId: user.id, payload: { incidentId: invite.incidentId, status } },
      manager,
    );
    return { id: user.id, status };
  }

  private async assertSurgeActive(manager: EntityManager, incidentId: string): Promise<EnrollmentIncident> {
    const incident = await this.volunteers.lockIncidentForEnrollment(manager, incidentId);
    if (!incident?.surgeActive) {
      throw conflict(`the surge of incident "${incident?.name ?? incidentId}" is not active; enrollment opens when it is`);
    }
    return incident;
  }
}

function inviteRefusal(invite: InviteState | null): DomainError | null {
  if (!invite) return forbidden('inviteCode is not a valid invite code');
  if (invite.expired) return forbidden('inviteCode has expired');
  if (invite.uses >= invite.maxUses) return forbidden('inviteCode has been used up');
  return null;
}
