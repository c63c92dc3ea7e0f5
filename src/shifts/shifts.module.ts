import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { MeModule } from '../me/me.module';
import { RosterController } from './roster.controller';
import { RosterRepository } from './roster.repository';
import { RosterService } from './roster.service';
import { ShiftSweepProcessor } from './shift-sweep.processor';
import { ShiftSweepService } from './shift-sweep.service';
import { ShiftsController } from './shifts.controller';
import { ShiftsRepository } from './shifts.repository';
import { SHIFTS_QUEUE } from './shifts.queue';
import { ShiftsService } from './shifts.service';

@Module({
  imports: [MeModule, BullModule.registerQueue({ name: SHIFTS_QUEUE })],
  controllers: [ShiftsController, RosterController],
  providers: [ShiftsService, ShiftsRepository, RosterService, RosterRepository, ShiftSweepService, ShiftSweepProcessor],
  exports: [ShiftsRepository],
})
export class ShiftsModule {}
