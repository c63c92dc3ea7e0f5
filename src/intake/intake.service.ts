import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { conflict } from '../common/errors/domain-error';
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
import { detectLanguage } from './language-detector';

/** Rounds of "join the open conversation or open one"; each lost round means a sender's conversation changed under us. */
const THREADING_ATTEMPTS = 3;

/** The message as stored: language detected when not given, received now when the channel did not say. */
function incomingMessage(dto: ReceiveMessageDto, now: Date): IncomingMessage {
  return {
    channel: dto.channel,
    externalId: dto.externalId,
    handle: dto.from.handle,
    fromName: dto.from.name ?? null,
    text: dto.text,
    language: dto.language ?? detectLanguage(dto.text),
    flightNumber: dto.flightNumber ?? null,
    receivedAt: dto.receivedAt ? new Date(dto.receivedAt) : now,
  };
}

@Injectable()
export class IntakeService {
  private readonly logger = new Logger(IntakeService.name);

  constructor(
    private readonly intake: IntakeRepository,
    private readonly transactions: TransactionRunner,
    private readonly routing: RoutingScheduler,
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
    if (opened) await this.enqueueRouting(ref.conversationId);
    return { ...ref, duplicate: false };
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
    return { ...winner, duplicate: true };
  }

  /** After commit; if Redis refuses, the conversation stays queued in Postgres for the reconciler. */
  private async enqueueRouting(conversationId: string): Promise<void> {
    try {
      await this.routing.routeConversations([conversationId]);
    } catch (error) {
      this.logger.warn(`Routing of conversation ${conversationId} not enqueued: ${(error as Error).message}`);
    }
  }
}
