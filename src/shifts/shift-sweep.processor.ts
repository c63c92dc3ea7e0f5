import { Process, Processor } from '@nestjs/bull';
import { Job } from 'bull';
import { ShiftSweepService } from './shift-sweep.service';
import { SHIFTS_QUEUE, ShiftsJob, SweepEndedShiftsPayload } from './shifts.queue';

@Processor(SHIFTS_QUEUE)
export class ShiftSweepProcessor {
  constructor(private readonly sweep: ShiftSweepService) {}

  @Process(ShiftsJob.sweepEndedShifts)
  async sweepEndedShifts(_job: Job<SweepEndedShiftsPayload>): Promise<{ signedOut: number }> {
    return { signedOut: await this.sweep.signOutVolunteersPastShiftEnd() };
  }
}
