import { Module } from '@nestjs/common';
import { RoutingModule } from '../routing/routing.module';
import { IntakeSignatureGuard } from './intake-signature.guard';
import { IntakeController } from './intake.controller';
import { IntakeRepository } from './intake.repository';
import { IntakeService } from './intake.service';

@Module({
  imports: [RoutingModule],
  controllers: [IntakeController],
  providers: [IntakeService, IntakeRepository, IntakeSignatureGuard],
})
export class IntakeModule {}
