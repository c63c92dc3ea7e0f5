import { BullModule } from '@nestjs/bull';
import { Global, Module } from '@nestjs/common';
import { AppConfigService } from '../config/app-config.service';

/** One Redis connection setting for every queue; BULL_PREFIX keeps deployments (and test files) apart. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => ({
        url: config.get('REDIS_URL'),
        prefix: config.get('BULL_PREFIX'),
      }),
    }),
  ],
})
export class QueuesModule {}
