import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { Agent, AgentKind } from './agent.entity';
import { AccountStatus, Role, User } from './user.entity';

export interface AccountCredentials {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: AccountStatus;
  kind: AgentKind | null;
  passwordHash: string;
}

export type AgentUser = User & { agent: Agent };

export interface NewAccount {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  status: AccountStatus;
}

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async findCredentialsByEmail(email: string): Promise<AccountCredentials | null> {
    return this.findCredentials('lower(u.email) = lower($1)', email);
  }

  async findCredentialsById(id: string): Promise<AccountCredentials | null> {
    return this.findCredentials('u.id = $1', id);
  }

  async emailTaken(email: string, manager: EntityManager = this.users.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [email]);
    return rows.length > 0;
  }

  async insertAccount(manager: EntityManager, account: NewAccount): Promise<User> {
    const user = manager.create(User, account);
    return manager.save(User, user);
  }

  /** The account with its agent profile (languages and skills) when it has one. */
  async findWithProfile(id: string, manager: EntityManager = this.users.manager): Promise<User | null> {
    return manager.findOne(User, { where: { id }, relations: { agent: { languages: true, skills: true } } });
  }

  private async findCredentials(condition: string, value: string): Promise<AccountCredentials | null> {
    const rows = await preparedQuery<AccountCredentials>(
      this.users.manager,
      `SELECT u.id, u.email, u.name, u.role, u.status, a.kind, u.password_hash AS "passwordHash"
         FROM users u LEFT JOIN agents a ON a.user_id = u.id
        WHERE ${condition}`,
      [value],
    );
    return rows[0] ?? null;
  }
}
