import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module';
import { RoutingModule } from '../routing/routing.module';
import { EstimatesModule } from '../stats/estimates.module';
import { IntakeSignatureGuard } from './intake-signature.guard';
import { IntakeController } from './intake.controller';
import { IntakeRepository } from './intake.repository';
import { IntakeService } from './intake.service';

@Module({
  imports: [RoutingModule, EstimatesModule, ConversationsModule],
  controllers: [IntakeController],
  providers: [IntakeService, IntakeRepository, IntakeSignatureGuard],
})
export class IntakeModule {}
