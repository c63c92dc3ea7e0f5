import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { InvitesRepository } from './invites.repository';
import { VolunteersController } from './volunteers.controller';
import { VolunteersRepository } from './volunteers.repository';
import { VolunteersService } from './volunteers.service';

@Module({
  imports: [UsersModule],
  controllers: [VolunteersController],
  providers: [VolunteersService, VolunteersRepository, InvitesRepository],
  exports: [VolunteersService, InvitesRepository],
})
export class VolunteersModule {}
