import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { PasswordHasher } from '../../common/auth/password-hasher';
import { conflict, DomainError, invalidInput } from '../../common/errors/domain-error';
import { AfterCommit } from '../../database/after-commit';
import { isUniqueViolation } from '../../database/pg-errors';
import { TransactionRunner } from '../../database/transaction-runner';
import { EventsService } from '../../events/events.service';
import { RoutingScheduler } from '../../routing/routing-scheduler';
import { DEFAULT_MAX_CONCURRENT } from '../agent.entity';
import { AccountByEmail, AgentsRepository, NO_PASSWORD_HASH } from '../agents.repository';
import { AgentsService, rethrowCapacityViolation } from '../agents.service';
import { ImportAgentsResultDto, ImportLineErrorDto, ImportOutcome } from '../dto/import-agents-result.dto';
import { UsersRepository } from '../users.repository';
import { AgentImportRow, parseAgentCsv } from './agent-csv.parser';

interface RowOutcome {
  kind: ImportOutcome;
  agentId: string;
  maxConcurrentRaised: boolean;
}

/**
 * Applies a roster CSV row by row, one transaction per row: a bad row is reported with its line
 * and skipped, every good row is kept even when a later one fails. Whatever a row runs into, the
 * import goes on to the next one and answers which rows were applied and which were not.
 */
@Injectable()
export class AgentImportService {
  private readonly logger = new Logger(AgentImportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly agents: AgentsRepository,
    private readonly agentsService: AgentsService,
    private readonly hasher: PasswordHasher,
    private readonly transactions: TransactionRunner,
    private readonly events: EventsService,
    private readonly routing: RoutingScheduler,
    private readonly afterCommit: AfterCommit,
  ) {}

  async importRoster(actor: AuthUser, body: unknown): Promise<ImportAgentsResultDto> {
    if (typeof body !== 'string') throw invalidInput('body: send the roster as text/csv');
    const result: ImportAgentsResultDto = { created: 0, updated: 0, applied: [], errors: [] };
    const capacityRaisedAgentIds: string[] = [];
    for (const parsed of parseAgentCsv(body)) {
      if ('error' in parsed) {
        result.errors.push({ line: parsed.line, message: parsed.error });
        continue;
      }
      const outcome = await this.importRow(actor, parsed.row).catch((error: unknown) => this.toLineError(parsed.line, error));
      if ('line' in outcome) {
        result.errors.push(outcome);
        continue;
      }
      result[outcome.kind]++;
      result.applied.push({ line: parsed.line, agentId: outcome.agentId, outcome: outcome.kind });
      if (outcome.maxConcurrentRaised) capacityRaisedAgentIds.push(outcome.agentId);
    }
    await this.recordImport(actor, result);
    // Existing agents whose capacity the file raised take the waiting work they now have room for.
    for (const agentId of capacityRaisedAgentIds) await this.afterCommit.run('serve agent after import', () => this.routing.serveAgent(agentId));
    return result;
  }

  /** A row's own problem is reported as it is; anything else is logged and reported without details. */
  private toLineError(line: number, error: unknown): ImportLineErrorDto {
    if (error instanceof DomainError) return { line, message: error.message };
    this.logger.error(`Import line ${line} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return { line, message: 'the row could not be stored (an internal error, logged); nothing of it was applied' };
  }

  /** The rows are committed already: failing to record the summary must not lose the report of them. */
  private async recordImport(actor: AuthUser, result: ImportAgentsResultDto): Promise<void> {
    try {
      await this.events.record({
        type: 'agent.imported',
        actorId: actor.id,
        subjectType: null,
        subjectId: null,
        payload: { created: result.created, updated: result.updated, errors: result.errors.length },
      });
    } catch (error) {
      this.logger.error(`Could not record the agent.imported event: ${(error as Error).message}`);
    }
  }

  private async importRow(actor: AuthUser, row: AgentImportRow): Promise<RowOutcome> {
    // Hashing is slow: do it before the transaction, and only when the password will be stored.
    const before = await this.agents.findAccountByEmail(this.dataSource.manager, row.email);
    let passwordHash = row.password && (!before || before.hasNoPassword) ? await this.hasher.hash(row.password) : null;
    return this.transactions
      .run(async (manager) => {
        const account = await this.agents.findAccountByEmail(manager, row.email);
        if (row.password && !passwordHash && (!account || account.hasNoPassword)) {
          passwordHash = await this.hasher.hash(row.password);
        }
        if (!account) {
          const agentId = await this.createAgent(manager, actor, row, passwordHash);
          return { kind: 'created' as const, agentId, maxConcurrentRaised: false };
        }
        const maxConcurrentRaised = await this.updateAgent(manager, actor, account, row, passwordHash);
        return { kind: 'updated' as const, agentId: account.id, maxConcurrentRaised };
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error, 'users_email_key')) throw conflict(`email: ${row.email} was registered while the file was imported`);
        return rethrowCapacityViolation(error);
      });
  }

  private async createAgent(manager: EntityManager, actor: AuthUser, row: AgentImportRow, passwordHash: string | null): Promise<string> {
    const incidentId = row.kind === 'volunteer' ? await this.agents.findActiveSurgeIncidentId(manager) : null;
    if (row.kind === 'volunteer' && !incidentId) {
      throw conflict('kind: a volunteer joins the incident whose surge is active, and no surge is active');
    }
    const user = await this.users.insertAccount(manager, {
      email: row.email,
      name: row.name,
      passwordHash: passwordHash ?? NO_PASSWORD_HASH,
      role: 'agent',
      status: 'active',
    });
    await this.agents.insertProfile(manager, user.id, {
      kind: row.kind,
      incidentId,
      maxConcurrent: row.maxConcurrent ?? DEFAULT_MAX_CONCURRENT,
      languages: row.languages,
      skills: row.skills,
    });
    await this.events.record(
      {
        type: 'user.created',
        actorId: actor.id,
        subjectType: 'user',
        subjectId: user.id,
        payload: { role: 'agent', kind: row.kind, source: 'import', passwordSet: passwordHash !== null },
      },
      manager,
    );
    return user.id;
  }

  /** Returns whether the row raised the agent's capacity. */
  private async updateAgent(
    manager: EntityManager,
    actor: AuthUser,
    account: AccountByEmail,
    row: AgentImportRow,
    passwordHash: string | null,
  ): Promise<boolean> {
    if (account.role !== 'agent' || !account.kind) {
      throw conflict(`email: ${row.email} belongs to an account with role ${account.role}, not an agent`);
    }
    if (account.kind !== row.kind) {
      throw conflict(`kind: ${row.email} is a ${account.kind} agent; an import cannot make it ${row.kind}`);
    }
    const current = await this.agentsService.lockExistingAgent(manager, account.id);
    const { name, languages, skills } = row;
    const { changed, maxConcurrentRaised } = await this.agentsService.applyProfileChange(manager, current, {
      name,
      languages,
      skills,
      ...(row.maxConcurrent !== null ? { maxConcurrent: row.maxConcurrent } : {}),
    });
    if (passwordHash && account.hasNoPassword) {
      await this.agents.setPasswordHash(manager, account.id, passwordHash);
      changed.push('password');
    }
    if (changed.length > 0) {
      await this.events.record(
        { type: 'agent.updated', actorId: actor.id, subjectType: 'agent', subjectId: account.id, payload: { changed, source: 'import' } },
        manager,
      );
    }
    return maxConcurrentRaised;
  }
}
