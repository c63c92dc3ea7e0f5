import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PasswordHasher } from '../common/auth/password-hasher';
import { AuthUser } from '../common/auth/auth-user';
import { conflict } from '../common/errors/domain-error';
import { AppConfigService } from '../config/app-config.service';
import { isUniqueViolation } from '../database/pg-errors';
import { TransactionRunner } from '../database/transaction-runner';
import { EventsService } from '../events/events.service';
import { DEFAULT_MAX_CONCURRENT } from './agent.entity';
import { toAccountOrAgentView } from './agent-view.mapper';
import { AgentsRepository } from './agents.repository';
import { CreateUserDto } from './dto/create-user.dto';
import { AccountViewDto, AgentViewDto } from './dto/agent-view.dto';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly agents: AgentsRepository,
    private readonly hasher: PasswordHasher,
    private readonly transactions: TransactionRunner,
    private readonly events: EventsService,
    private readonly config: AppConfigService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureAdmin();
  }

  /** Creates the configured admin when no account has that email; an existing account is left as it is. */
  async ensureAdmin(): Promise<void> {
    const email = this.config.get('ADMIN_EMAIL');
    if (await this.users.emailTaken(email)) return;
    const passwordHash = await this.hasher.hash(this.config.get('ADMIN_PASSWORD'));
    try {
      await this.transactions.run((manager) =>
        this.users.insertAccount(manager, { email, name: 'Administrator', passwordHash, role: 'admin', status: 'active' }),
      );
      this.logger.log('Admin account created');
    } catch (error) {
      // Another process starting at the same moment created it first.
      if (!isUniqueViolation(error)) throw error;
    }
  }

  async createUser(actor: AuthUser, dto: CreateUserDto): Promise<AccountViewDto | AgentViewDto> {
    const passwordHash = await this.hasher.hash(dto.password);
    const userId = await this.transactions
      .run(async (manager) => {
        const user = await this.users.insertAccount(manager, {
          email: dto.email,
          name: dto.name,
          passwordHash,
          role: dto.role,
          status: 'active',
        });
        if (dto.role === 'agent') {
          await this.agents.insertProfile(manager, user.id, {
            kind: 'staff',
            incidentId: null,
            maxConcurrent: dto.maxConcurrent ?? DEFAULT_MAX_CONCURRENT,
            languages: dto.languages ?? [],
            skills: dto.skills ?? [],
          });
        }
        await this.events.record(
          { type: 'user.created', actorId: actor.id, subjectType: 'user', subjectId: user.id, payload: { role: dto.role } },
          manager,
        );
        return user.id;
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error, 'users_email_key')) throw conflict(`email ${dto.email} is already registered`);
        throw error;
      });
    return toAccountOrAgentView((await this.users.findWithProfile(userId))!);
  }
}
