import { Module } from '@nestjs/common';
import { MeModule } from '../me/me.module';
import { RosterController } from './roster.controller';
import { RosterRepository } from './roster.repository';
import { RosterService } from './roster.service';
import { ShiftSweepService } from './shift-sweep.service';
import { ShiftsController } from './shifts.controller';
import { ShiftsRepository } from './shifts.repository';
import { ShiftsService } from './shifts.service';

@Module({
  imports: [MeModule],
  controllers: [ShiftsController, RosterController],
  providers: [ShiftsService, ShiftsRepository, RosterService, RosterRepository, ShiftSweepService],
  exports: [ShiftsRepository],
})
export class ShiftsModule {}
