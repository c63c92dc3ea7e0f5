import { Module } from '@nestjs/common';
import { RoutingModule } from '../routing/routing.module';
import { UsersModule } from '../users/users.module';
import { MeController } from './me.controller';
import { MeRepository } from './me.repository';
import { MeService } from './me.service';
import { PresenceRepository } from './presence.repository';
import { PresenceService } from './presence.service';

@Module({
  imports: [UsersModule, RoutingModule],
  controllers: [MeController],
  providers: [MeService, MeRepository, PresenceService, PresenceRepository],
  exports: [PresenceService],
})
export class MeModule {}
