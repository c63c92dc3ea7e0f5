import { Module } from '@nestjs/common';
import { RoutingRulesController } from './routing-rules.controller';
import { RoutingRulesRepository } from './routing-rules.repository';
import { RoutingRulesService } from './routing-rules.service';

@Module({
  controllers: [RoutingRulesController],
  providers: [RoutingRulesService, RoutingRulesRepository],
  exports: [RoutingRulesService],
})
export class RulesModule {}
