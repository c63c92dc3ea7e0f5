import { Injectable } from '@nestjs/common';
import { AuthUser } from '../common/auth/auth-user';
import { notFound } from '../common/errors/domain-error';
import { Agent } from '../users/agent.entity';
import { UsersRepository } from '../users/users.repository';
import { MeProfileDto, MeShiftDto, MeViewDto } from './dto/me-view.dto';
import { MeRepository } from './me.repository';

/** GET /me lists at most this many claimed shifts; the roster and GET /shifts show the rest. */
const CLAIMED_SHIFTS_SHOWN = 100;

const byKey = <T>(key: (item: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));

const toProfile = (agent: Agent): MeProfileDto => ({
  languages: agent.languages.map(({ code, level }) => ({ code, level })).sort(byKey((l) => l.code)),
  skills: agent.skills.map(({ name, level }) => ({ name, level })).sort(byKey((s) => s.name)),
  maxConcurrent: agent.maxConcurrent,
});

@Injectable()
export class MeService {
  constructor(
    private readonly users: UsersRepository,
    private readonly me: MeRepository,
  ) {}

  async describe(caller: AuthUser): Promise<MeViewDto> {
    const user = await this.users.findWithProfile(caller.id);
    if (!user) throw notFound('account', caller.id);
    const agent = user.agent ?? null;
    const claims: MeShiftDto[] = agent
      ? (await this.me.currentAndUpcomingClaims(user.id, CLAIMED_SHIFTS_SHOWN)).map((claim) => ({
          id: claim.id,
          startsAt: claim.startsAt.toISOString(),
          endsAt: claim.endsAt.toISOString(),
          incidentId: claim.incidentId,
        }))
      : [];
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      kind: agent?.kind ?? null,
      status: user.status,
      profile: agent ? toProfile(agent) : null,
      presence: agent?.presence ?? null,
      load: agent?.openCount ?? null,
      signedInAt: agent?.signedInAt?.toISOString() ?? null,
      claimedShifts: claims,
    };
  }
}
