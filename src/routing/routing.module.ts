import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { AgentWorkReturnService } from './agent-work-return.service';
import { AssignmentRepository } from './assignment.repository';
import { CapacityService } from './capacity.service';
import { QueueReturnRepository } from './queue-return.repository';
import { ReconcilerService } from './reconciler.service';
import { RoutingBatcher } from './routing-batcher';
import { RoutingScheduler } from './routing-scheduler';
import { RoutingProcessor } from './routing.processor';
import { ROUTING_QUEUE } from './routing.queue';
import { RoutingService } from './routing.service';
import { RulesModule } from './rules/routing-rules.module';
import { AgentSnapshotRepository } from './simulation/agent-snapshot.repository';
import { RoutingSimulationController } from './simulation/routing-simulation.controller';
import { RoutingSimulationService } from './simulation/routing-simulation.service';
import { SurgeStateRepository } from './surge-state.repository';
import { WaitingWorkRepository } from './waiting-work.repository';

@Module({
  imports: [BullModule.registerQueue({ name: ROUTING_QUEUE }), RulesModule],
  controllers: [RoutingSimulationController],
  providers: [
    RoutingSimulationService,
    AgentSnapshotRepository,
    RoutingScheduler,
    QueueReturnRepository,
    AgentWorkReturnService,
    AssignmentRepository,
    WaitingWorkRepository,
    SurgeStateRepository,
    RoutingService,
    RoutingBatcher,
    CapacityService,
    ReconcilerService,
    RoutingProcessor,
  ],
  exports: [RoutingScheduler, QueueReturnRepository, AgentWorkReturnService, RoutingService],
})
export class RoutingModule {}
