import { Module } from '@nestjs/common';
import { RoutingModule } from '../routing/routing.module';
import { VolunteersModule } from '../volunteers/volunteers.module';
import { IncidentsController } from './incidents.controller';
import { IncidentsRepository } from './incidents.repository';
import { IncidentsService } from './incidents.service';
import { SurgeController } from './surge.controller';
import { SurgeService } from './surge.service';

@Module({
  imports: [VolunteersModule, RoutingModule],
  controllers: [IncidentsController, SurgeController],
  providers: [IncidentsService, SurgeService, IncidentsRepository],
  exports: [IncidentsService, SurgeService, IncidentsRepository],
})
export class IncidentsModule {}
