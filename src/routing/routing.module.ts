import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { AssignmentRepository } from './assignment.repository';
import { WaitingDecisionsRepository } from './waiting-decisions.repository';
import { CandidatePoolsRepository } from './candidate-pools.repository';
import { CapacityService } from './capacity.service';
import { QueueReturnRepository } from './queue-return.repository';
import { OffDutyService } from './off-duty.service';
import { ReconcilerService } from './reconciler.service';
import { RoutingDemand } from './pump/routing-demand';
import { RoutingPump } from './pump/routing-pump';
import { RoutingWakeBroadcast } from './pump/routing-wake-broadcast';
import { RoutingScheduler } from './routing-scheduler';
import { RoutingProcessor } from './routing.processor';
import { ROUTING_QUEUE } from './routing.queue';
import { RoutingService } from './routing.service';
import { RulesModule } from './rules/routing-rules.module';
import { AgentSnapshotRepository } from './simulation/agent-snapshot.repository';
import { RoutingSimulationController } from './simulation/routing-simulation.controller';
import { RoutingSimulationService } from './simulation/routing-simulation.service';
import { SurgeStateRepository } from './surge-state.repository';
import { UnroutableWorkRepository } from './unroutable/unroutable-work.repository';
import { UnroutableWorkService } from './unroutable/unroutable-work.service';
import { WaitingWorkRepository } from './waiting-work.repository';

@Module({
  imports: [BullModule.registerQueue({ name: ROUTING_QUEUE }), RulesModule],
  controllers: [RoutingSimulationController],
  providers: [
    RoutingSimulationService,
    AgentSnapshotRepository,
    RoutingScheduler,
    QueueReturnRepository,
    OffDutyService,
    AssignmentRepository,
    WaitingDecisionsRepository,
    CandidatePoolsRepository,
    WaitingWorkRepository,
    SurgeStateRepository,
    RoutingService,
    RoutingDemand,
    RoutingWakeBroadcast,
    RoutingPump,
    CapacityService,
    ReconcilerService,
    RoutingProcessor,
    UnroutableWorkRepository,
    UnroutableWorkService,
  ],
  exports: [RoutingScheduler, QueueReturnRepository, OffDutyService, RoutingService, UnroutableWorkService],
})
export class RoutingModule {}
