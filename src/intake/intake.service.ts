import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { conflict } from '../common/errors/domain-error';
import { AfterCommit } from '../database/after-commit';
import { isUniqueViolation } from '../database/pg-errors';
import { TransactionRunner } from '../database/transaction-runner';
import { RoutingScheduler } from '../routing/routing-scheduler';
import { IntakeResultDto } from './dto/intake-result.dto';
import { ReceiveMessageDto } from './dto/receive-message.dto';
import {
  IncomingMessage,
  IntakeRepository,
  MESSAGE_ALREADY_STORED_CONSTRAINT,
  OpenConversationRef,
  ThreadedMessageRef,
} from './intake.repository';
import { maskCardNumbers } from './card-masking';
import { extractFlightNumber, normaliseFlightNumber } from './flight-number';
import { detectLanguage } from './language-detector';
import { WaitEstimator } from '../stats/wait-estimator';
import { AcknowledgementService } from '../conversations/acknowledgement.service';

/** Rounds of "join the open conversation or open one"; each lost round means a sender's conversation changed under us. */
const THREADING_ATTEMPTS = 3;

/** The message as stored: language detected when not given, received now when the channel did not say. */
function incomingMessage(dto: ReceiveMessageDto, now: Date): IncomingMessage {
  const text = maskCardNumbers(dto.text);
  return {
    channel: dto.channel,
    externalId: dto.externalId,
    handle: dto.from.handle,
    fromName: dto.from.name ?? null,
    // Card numbers are masked before the text reaches Postgres, Redis, a log or the outbound queue.
    text,
    language: dto.language ?? detectLanguage(text),
    flightNumber: (dto.flightNumber && normaliseFlightNumber(dto.flightNumber)) || extractFlightNumber(text),
    receivedAt: dto.receivedAt ? new Date(dto.receivedAt) : now,
  };
}

@Injectable()
export class IntakeService {
  constructor(
    private readonly intake: IntakeRepository,
    private readonly transactions: TransactionRunner,
    private readonly routing: RoutingScheduler,
    private readonly afterCommit: AfterCommit,
    private readonly waits: WaitEstimator,
    private readonly acknowledgements: AcknowledgementService,
  ) {}

  /**
   * Stores a passenger message exactly once, threaded into its sender's open conversation. One
   * statement does it unless a concurrent first message of the same sender opened the conversation
   * meanwhile; the transaction then joins that conversation. Either way the unique (channel,
   * externalId) rejects a duplicate, which is answered with the stored message's ids.
   */
  async receiveMessage(dto: ReceiveMessageDto, now: Date = new Date()): Promise<IntakeResultDto> {
    const message = incomingMessage(dto, now);
    let stored: ThreadedMessageRef;
    try {
      stored =
        (await this.intake.storeThreadedMessage(message)) ??
        (await this.transactions.run((manager) => this.storeInTransaction(manager, message)));
    } catch (error) {
      if (!isUniqueViolation(error, MESSAGE_ALREADY_STORED_CONSTRAINT)) throw error;
      return this.answerDuplicate(dto);
    }

    const { opened, ...ref } = stored;
    // Intake needs only Postgres: with Redis down the conversation waits, queued, for the reconciler.
    if (opened) await this.afterCommit.run('route new conversation', () => this.routing.routeConversations([ref.conversationId]));
    const wait = await this.waits.forConversation(ref.conversationId);
    // The acknowledgement tells the passenger the same wait this answer gives.
    if (opened) {
      await this.afterCommit.run('acknowledge new conversation', () =>
        this.acknowledgements.acknowledgeNewConversation(ref.conversationId, wait.estimatedWaitSeconds),
      );
    }
    return { ...ref, duplicate: false, ...wait };
  }

  /**
   * The fallback after the statement yielded to a concurrent first message of the same sender:
   * statement by statement, each with a fresh snapshot that sees the conversation committed meanwhile.
   */
  private async storeInTransaction(manager: EntityManager, message: IncomingMessage): Promise<ThreadedMessageRef> {
    const { conversation, opened } = await this.joinOrOpenConversation(manager, message);
    const messageId = await this.intake.insertMessage(manager, conversation.id, message);
    return { conversationId: conversation.id, messageId, status: conversation.status, opened };
  }

  private async joinOrOpenConversation(
    manager: EntityManager,
    message: IncomingMessage,
  ): Promise<{ conversation: OpenConversationRef; opened: boolean }> {
    for (let attempt = 1; attempt <= THREADING_ATTEMPTS; attempt++) {
      const open = await this.intake.lockOpenConversation(manager, message.channel, message.handle);
      if (open) return { conversation: open, opened: false };
      const created = await this.intake.insertOpenConversation(manager, message);
      if (created) return { conversation: created, opened: true };
      // A concurrent first message from this sender committed its conversation: join it next round.
    }
    throw conflict('The conversation of this sender changed concurrently; retry the message');
  }

  /** The winner of a race between identical requests has committed; answer with its ids. */
  private async answerDuplicate(dto: ReceiveMessageDto): Promise<IntakeResultDto> {
    const winner = await this.intake.findMessage(dto.channel, dto.externalId);
    if (!winner) throw conflict('This message was stored concurrently and then removed; retry the message');
    return { ...winner, duplicate: true, ...(await this.waits.forConversation(winner.conversationId)) };
  }
}
