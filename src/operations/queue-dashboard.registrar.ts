import { BullAdapter } from '@bull-board/api/bullAdapter';
import { BullBoardInstance, InjectBullBoard } from '@bull-board/nestjs';
import { getQueueToken } from '@nestjs/bull';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bull';
import { MONITORED_QUEUES } from '../metrics/monitored-queues';

/**
 * Adds the monitored queues that some module registered to the dashboard. (BullBoardModule.forFeature
 * would refuse to start the application when one of them is not registered.)
 */
@Injectable()
export class QueueDashboardRegistrar implements OnModuleInit {
  constructor(
    private readonly moduleRef: ModuleRef,
    @InjectBullBoard() private readonly board: BullBoardInstance,
  ) {}

  onModuleInit(): void {
    for (const name of MONITORED_QUEUES) {
      const queue = this.registeredQueue(name);
      if (queue) this.board.addQueue(new BullAdapter(queue));
    }
  }

  private registeredQueue(name: string): Queue | null {
    try {
      return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
    } catch {
      return null;
    }
  }
}
