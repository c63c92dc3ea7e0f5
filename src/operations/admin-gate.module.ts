import { Module } from '@nestjs/common';
import { AdminGate } from './admin-gate';

/** The dashboard's gate; RequestAuthenticator comes from the global AuthModule. */
@Module({
  providers: [AdminGate],
  exports: [AdminGate],
})
export class AdminGateModule {}
