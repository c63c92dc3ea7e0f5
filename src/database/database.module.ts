import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfigService } from '../config/app-config.service';
import { AfterCommit } from './after-commit';
import { buildDataSourceOptions } from './data-source-options';
import { ROUTING_CONNECTION, RoutingTransactionRunner } from './routing-data-source';
import { TransactionRunner } from './transaction-runner';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => ({
        ...buildDataSourceOptions(config.get('DATABASE_URL'), config.get('DATABASE_POOL_SIZE')),
        autoLoadEntities: true,
        migrationsRun: false,
      }),
    }),
    TypeOrmModule.forRootAsync({
      name: ROUTING_CONNECTION,
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => ({
        ...buildDataSourceOptions(config.get('DATABASE_URL'), config.get('ROUTING_POOL_SIZE')),
        name: ROUTING_CONNECTION,
        migrationsRun: false,
      }),
    }),
  ],
  providers: [TransactionRunner, RoutingTransactionRunner, AfterCommit],
  exports: [TransactionRunner, RoutingTransactionRunner, AfterCommit],
})
export class DatabaseModule {}
