import { Module } from '@nestjs/common';
import { StaffingController } from './staffing.controller';
import { StaffingRepository } from './staffing.repository';
import { StaffingService } from './staffing.service';

@Module({
  controllers: [StaffingController],
  providers: [StaffingService, StaffingRepository],
})
export class StaffingModule {}
