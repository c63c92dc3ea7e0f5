import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { QueueReturnRepository } from './queue-return.repository';
import { RoutingScheduler } from './routing-scheduler';
import { ROUTING_QUEUE } from './routing.queue';

@Module({
  imports: [BullModule.registerQueue({ name: ROUTING_QUEUE })],
  providers: [RoutingScheduler, QueueReturnRepository],
  exports: [RoutingScheduler, QueueReturnRepository],
})
export class RoutingModule {}
