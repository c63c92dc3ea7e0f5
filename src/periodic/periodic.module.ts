import { Global, Module } from '@nestjs/common';
import { PeriodicWork } from './periodic-work.service';

/** Global: the modules owning a periodic task register it with PeriodicWork. */
@Global()
@Module({
  providers: [PeriodicWork],
  exports: [PeriodicWork],
})
export class PeriodicModule {}
