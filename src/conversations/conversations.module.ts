import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { CHANNELS } from '../routing/engine/engine.types';
import { RoutingModule } from '../routing/routing.module';
import { RulesModule } from '../routing/rules/routing-rules.module';
import { TemplatesModule } from '../templates/templates.module';
import { AcknowledgementService } from './acknowledgement.service';
import { ConversationWorkService } from './conversation-work.service';
import { ConversationsController } from './conversations.controller';
import { ConversationsRepository } from './conversations.repository';
import { AgentWorkFeed } from './agent-work-feed';
import { ConversationsService } from './conversations.service';
import { MyConversationsController } from './my-conversations.controller';
import { OUTBOUND_SENDERS, OutboundSender, OutboundSenders } from './outbound-sender';
import { OutboundProcessor } from './outbound.processor';
import { OUTBOUND_QUEUE } from './outbound.queue';
import { OutboundScheduler } from './outbound.scheduler';
import { RepliesRepository } from './replies.repository';
import { ReplyService } from './reply.service';
import { NotesRepository } from './notes.repository';
import { NotesService } from './notes.service';
import { WebhookOutboundSender } from './webhook-outbound.sender';

function sendersForAllChannels(sender: OutboundSender): OutboundSenders {
  const senders = {} as OutboundSenders;
  for (const channel of CHANNELS) senders[channel] = sender;
  return senders;
}

@Module({
  imports: [BullModule.registerQueue({ name: OUTBOUND_QUEUE }), RoutingModule, RulesModule, TemplatesModule],
  controllers: [MyConversationsController, ConversationsController],
  providers: [
    AcknowledgementService,
    AgentWorkFeed,
    ConversationsService,
    ConversationWorkService,
    ReplyService,
    NotesService,
    NotesRepository,
    ConversationsRepository,
    RepliesRepository,
    OutboundScheduler,
    OutboundProcessor,
    WebhookOutboundSender,
    {
      // Every channel goes through the webhook until a connector of its own is plugged in here.
      provide: OUTBOUND_SENDERS,
      inject: [WebhookOutboundSender],
      useFactory: (webhook: WebhookOutboundSender) => sendersForAllChannels(webhook),
    },
  ],
  exports: [OutboundScheduler, RepliesRepository, AcknowledgementService],
})
export class ConversationsModule {}
