import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PasswordHasher } from '../common/auth/password-hasher';
import { RoutingModule } from '../routing/routing.module';
import { AgentLanguage } from './agent-language.entity';
import { AgentSkill } from './agent-skill.entity';
import { Agent } from './agent.entity';
import { AgentsController } from './agents.controller';
import { AgentsRepository } from './agents.repository';
import { AgentsService } from './agents.service';
import { AgentImportService } from './import/agent-import.service';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, Agent, AgentLanguage, AgentSkill]), RoutingModule],
  controllers: [UsersController, AgentsController],
  providers: [UsersService, UsersRepository, AgentsRepository, AgentsService, AgentImportService, PasswordHasher],
  exports: [UsersService, UsersRepository, AgentsRepository, AgentsService, AgentImportService, PasswordHasher],
})
export class UsersModule {}
