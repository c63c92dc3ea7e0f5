import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bull';
import { AppConfigService } from '../config/app-config.service';
import { PresenceService } from '../me/presence.service';
import { ShiftsRepository } from './shifts.repository';
import { SHIFTS_QUEUE, ShiftsJob, SWEEP_JOB_OPTIONS, SWEEP_REPEAT_JOB_ID, SweepEndedShiftsPayload } from './shifts.queue';

/**
 * Automatic sign-out after a volunteer's shift (plus grace). Postgres decides who is due, so a
 * sweep at start also catches shifts that ended while no process was running.
 */
@Injectable()
export class ShiftSweepService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ShiftSweepService.name);

  constructor(
    @InjectQueue(SHIFTS_QUEUE) private readonly queue: Queue,
    private readonly shifts: ShiftsRepository,
    private readonly presence: PresenceService,
    private readonly config: AppConfigService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduleRepeatingSweep();
    await this.queue.add(ShiftsJob.sweepEndedShifts, { trigger: 'startup' } satisfies SweepEndedShiftsPayload, SWEEP_JOB_OPTIONS);
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

  /** Drops a repeatable sweep left with another interval by an earlier configuration. */
  private async scheduleRepeatingSweep(): Promise<void> {
    const every = this.config.get('SHIFT_SWEEP_INTERVAL_MS');
    for (const job of await this.queue.getRepeatableJobs()) {
      if (job.name === ShiftsJob.sweepEndedShifts && Number(job.every) !== every) await this.queue.removeRepeatableByKey(job.key);
    }
    await this.queue.add(ShiftsJob.sweepEndedShifts, { trigger: 'repeat' } satisfies SweepEndedShiftsPayload, {
      ...SWEEP_JOB_OPTIONS,
      jobId: SWEEP_REPEAT_JOB_ID,
      repeat: { every },
    });
  }
}
