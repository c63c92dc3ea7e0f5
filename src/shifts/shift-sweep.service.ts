import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { PresenceService } from '../me/presence.service';
import { PeriodicWork } from '../periodic/periodic-work.service';
import { ShiftsRepository } from './shifts.repository';

/**
 * Automatic sign-out after a volunteer's shift (plus grace), every SHIFT_SWEEP_INTERVAL_MS on the
 * elected process (PeriodicWork). Postgres decides who is due, so the sweep at start also catches
 * shifts that ended while no process was running.
 */
@Injectable()
export class ShiftSweepService implements OnModuleInit {
  private readonly logger = new Logger(ShiftSweepService.name);

  constructor(
    private readonly shifts: ShiftsRepository,
    private readonly presence: PresenceService,
    private readonly periodic: PeriodicWork,
  ) {}

  onModuleInit(): void {
    this.periodic.register('sweepEndedShifts', async () => {
      await this.signOutVolunteersPastShiftEnd();
    });
  }

  /** Each due volunteer is signed out exactly as by POST /me/sign-out; returns how many were. */
  async signOutVolunteersPastShiftEnd(): Promise<number> {
    let signedOut = 0;
    for (const agentId of await this.shifts.findVolunteersPastShiftEnd()) {
      if (await this.presence.signOut(agentId, 'shift_ended', null)) signedOut++;
    }
    if (signedOut > 0) this.logger.log(`Signed out ${signedOut} volunteer(s) after their shift ended`);
    return signedOut;
  }
}
