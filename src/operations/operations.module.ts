import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { Module } from '@nestjs/common';
import { AdminGate } from './admin-gate';
import { AdminGateModule } from './admin-gate.module';
import { QueueDashboardRegistrar } from './queue-dashboard.registrar';

/** The Bull dashboard at /admin/queues (no global prefix, see configure-app), for admins only. */
export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';

@Module({
  imports: [
    BullBoardModule.forRootAsync({
      imports: [AdminGateModule],
      inject: [AdminGate],
      useFactory: (gate: AdminGate) => ({
        route: QUEUE_DASHBOARD_ROUTE,
        adapter: ExpressAdapter,
        middleware: gate.middleware(QUEUE_DASHBOARD_ROUTE),
        boardOptions: { uiConfig: { boardTitle: 'Surgeline queues' } },
      }),
    }),
  ],
  providers: [QueueDashboardRegistrar],
})
export class OperationsModule {}
