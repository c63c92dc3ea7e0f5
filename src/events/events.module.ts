import { Global, Module } from '@nestjs/common';
import { AuditTrailService } from './audit-trail.service';
import { EventNotificationsListener } from './event-notifications.listener';
import { EventPublisher } from './event-publisher';
import { EventReplay } from './event-replay';
import { EventsController } from './events.controller';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';

@Global()
@Module({
  controllers: [EventsController],
  providers: [EventsService, EventPublisher, EventsRepository, EventNotificationsListener, AuditTrailService, EventReplay],
  exports: [EventsService, AuditTrailService, EventReplay, EventNotificationsListener],
})
export class EventsModule {}
