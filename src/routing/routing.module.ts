import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { RoutingScheduler } from './routing-scheduler';
import { ROUTING_QUEUE } from './routing.queue';

@Module({
  imports: [BullModule.registerQueue({ name: ROUTING_QUEUE })],
  providers: [RoutingScheduler],
  exports: [RoutingScheduler],
})
export class RoutingModule {}
