import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { SimulationsController } from './simulations.controller';
import { SimulationsProcessor } from './simulations.processor';
import { SIMULATIONS_QUEUE } from './simulations.queue';
import { SimulationsRepository } from './simulations.repository';
import { SimulationsService } from './simulations.service';

@Module({
  imports: [BullModule.registerQueue({ name: SIMULATIONS_QUEUE })],
  controllers: [SimulationsController],
  providers: [SimulationsService, SimulationsRepository, SimulationsProcessor],
})
export class SimulationsModule {}
