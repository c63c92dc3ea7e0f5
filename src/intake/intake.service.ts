import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { conflict } from '../common/errors/domain-error';
import { TransactionRunner } from '../database/transaction-runner';
import { RoutingScheduler } from '../routing/routing-scheduler';
import { IntakeResultDto } from './dto/intake-result.dto';
import { ReceiveMessageDto } from './dto/receive-message.dto';
import { IntakeRepository, OpenConversationRef } from './intake.repository';
import { detectLanguage } from './language-detector';

/** Rounds of "join the open conversation or open one"; each lost round means a sender's conversation changed under us. */
const THREADING_ATTEMPTS = 3;

/** Thrown inside the transaction to roll it back: an identical request stored this message first. */
class MessageAlreadyStored extends Error {}

interface IncomingMessage extends Omit<ReceiveMessageDto, 'language' | 'receivedAt'> {
  language: string;
  receivedAt: Date;
}

interface StoredMessage {
  conversation: OpenConversationRef;
  messageId: string;
  opened: boolean;
}

@Injectable()
export class IntakeService {
  private readonly logger = new Logger(IntakeService.name);

  constructor(
    private readonly intake: IntakeRepository,
    private readonly transactions: TransactionRunner,
    private readonly routing: RoutingScheduler,
  ) {}

  /** Stores a passenger message exactly once, threaded into its sender's open conversation. */
  async receiveMessage(dto: ReceiveMessageDto, now: Date = new Date()): Promise<IntakeResultDto> {
    const known = await this.intake.findMessage(dto.channel, dto.externalId);
    if (known) return { ...known, duplicate: true };

    const message: IncomingMessage = {
      ...dto,
      language: dto.language ?? detectLanguage(dto.text),
      receivedAt: dto.receivedAt ? new Date(dto.receivedAt) : now,
    };
    let stored: StoredMessage;
    try {
      stored = await this.transactions.run((manager) => this.storeMessage(manager, message));
    } catch (error) {
      if (!(error instanceof MessageAlreadyStored)) throw error;
      return this.answerDuplicate(dto);
    }

    if (stored.opened) await this.enqueueRouting(stored.conversation.id);
    return {
      conversationId: stored.conversation.id,
      messageId: stored.messageId,
      status: stored.conversation.status,
      duplicate: false,
    };
  }

  private async storeMessage(manager: EntityManager, message: IncomingMessage): Promise<StoredMessage> {
    const { conversation, opened } = await this.joinOrOpenConversation(manager, message);
    const messageId = await this.intake.insertMessage(manager, {
      conversationId: conversation.id,
      channel: message.channel,
      externalId: message.externalId,
      text: message.text,
      language: message.language,
      flightNumber: message.flightNumber ?? null,
      receivedAt: message.receivedAt,
    });
    // Rolling back also drops a conversation this request may have opened for the message.
    if (!messageId) throw new MessageAlreadyStored();
    return { conversation, messageId, opened };
  }

  private async joinOrOpenConversation(
    manager: EntityManager,
    message: IncomingMessage,
  ): Promise<{ conversation: OpenConversationRef; opened: boolean }> {
    for (let attempt = 1; attempt <= THREADING_ATTEMPTS; attempt++) {
      const open = await this.intake.lockOpenConversation(manager, message.channel, message.from.handle);
      if (open) return { conversation: open, opened: false };
      const created = await this.intake.insertOpenConversation(manager, {
        channel: message.channel,
        handle: message.from.handle,
        fromName: message.from.name ?? null,
        language: message.language,
        flightNumber: message.flightNumber ?? null,
        receivedAt: message.receivedAt,
      });
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
