import { Injectable } from '@nestjs/common';
import { createHash } from 'crypto';
import { AuthUser } from '../common/auth/auth-user';
import { conflict, invalidInput, notFound } from '../common/errors/domain-error';
import { OutboundScheduler } from '../conversations/outbound.scheduler';
import { assertTextOrTemplate } from '../conversations/reply-content';
import { RepliesRepository } from '../conversations/replies.repository';
import { TransactionRunner } from '../database/transaction-runner';
import { EventsService } from '../events/events.service';
import { storedEvent } from '../events/stored-event';
import { normaliseFlightNumber } from '../intake/flight-number';
import { RoutingScheduler } from '../routing/routing-scheduler';
import { compose, TemplatesService } from '../templates/templates.service';
import { FlightListDto, FlightReplyDto, FlightReplyResultDto } from './dto/flight.dto';
import { FlightsRepository } from './flights.repository';

/** One reply to every open conversation of a flight, at most once per Idempotency-Key. */
@Injectable()
export class FlightsService {
  constructor(
    private readonly flights: FlightsRepository,
    private readonly replies: RepliesRepository,
    private readonly templates: TemplatesService,
    private readonly transactions: TransactionRunner,
    private readonly events: EventsService,
    private readonly outbound: OutboundScheduler,
    private readonly routing: RoutingScheduler,
  ) {}

  async listOpen(): Promise<FlightListDto> {
    const rows = await this.flights.openFlights();
    return { items: rows.map((row) => ({ ...row, oldestReceivedAt: row.oldestReceivedAt.toISOString() })), nextCursor: null };
  }

  /**
   * The key is claimed in the transaction that sends: a concurrent request with the same key, in any
   * process, waits on its primary key and then reads the committed answer, so nothing is sent twice.
   */
  async replyToFlight(actor: AuthUser, rawFlightNumber: string, key: string | undefined, dto: FlightReplyDto): Promise<FlightReplyResultDto> {
    const flightNumber = normaliseFlightNumber(rawFlightNumber);
    if (!flightNumber) throw invalidInput('flightNumber must be an airline designator and a number, like KL1234');
    if (key === undefined || key.length < 1 || key.length > 100) throw invalidInput('Idempotency-Key header is required (1-100 characters)');
    assertTextOrTemplate(dto);
    const requestHash = hashOf({ flightNumber, text: dto.text ?? null, templateId: dto.templateId ?? null, resolve: dto.resolve ?? false });

    return this.transactions.run(async (manager, effects): Promise<FlightReplyResultDto> => {
      if (!(await this.flights.claimKey(manager, key, requestHash, actor.id, flightNumber))) {
        const stored = (await this.flights.findKey(manager, key))!;
        if (stored.requestHash !== requestHash) throw conflict('Idempotency-Key was already used with a different request');
        return stored.response;
      }
      const conversations = await this.flights.lockOpenConversations(manager, flightNumber);
      if (conversations.length === 0) throw notFound(`open conversation of flight ${flightNumber}`);
      const template = dto.templateId ? await this.templates.existingTemplate(dto.templateId, manager) : null;
      const authorName = await this.flights.userName(manager, actor.id);
      const rows = await this.replies.insertReplies(
        manager,
        conversations.map((conversation) => ({
          conversationId: conversation.id,
          agentId: null,
          authorId: actor.id,
          templateId: template?.id ?? null,
          text: template ? compose(template, { ...conversation, authorName, estimatedWaitSeconds: null }).text : dto.text!,
        })),
      );
      const replyIds = rows.map((row) => row.id);
      await this.flights.recordFirstResponses(manager, replyIds);
      const resolved = dto.resolve ? await this.flights.resolveAll(manager, conversations.map((c) => c.id), actor.id) : [];
      const result = { flightNumber, replied: rows.length, resolved: resolved.length };
      await this.flights.storeResponse(manager, key, result);
      await this.events.record(
        { type: 'flight.replied', actorId: actor.id, subjectType: 'flight', subjectId: null, payload: { ...result, templateId: template?.id ?? null } },
        manager,
      );
      for (const row of resolved) await this.events.announce(storedEvent(row.event), manager);
      effects.add('enqueue flight reply delivery', () => this.outbound.enqueueReplies(replyIds));
      for (const agentId of new Set(resolved.flatMap((row) => (row.heldBy ? [row.heldBy] : [])))) {
        effects.add('serve agent after flight resolve', () => this.routing.serveAgentIfWorkWaits(agentId));
      }
      return result;
    });
  }
}

function hashOf(request: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}
