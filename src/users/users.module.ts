import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PasswordHasher } from '../common/auth/password-hasher';
import { AgentLanguage } from './agent-language.entity';
import { AgentSkill } from './agent-skill.entity';
import { Agent } from './agent.entity';
import { AgentsRepository } from './agents.repository';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, Agent, AgentLanguage, AgentSkill])],
  controllers: [UsersController],
  providers: [UsersService, UsersRepository, AgentsRepository, PasswordHasher],
  exports: [UsersService, UsersRepository, AgentsRepository, PasswordHasher],
})
export class UsersModule {}
