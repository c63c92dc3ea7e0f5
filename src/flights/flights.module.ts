import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module';
import { RoutingModule } from '../routing/routing.module';
import { TemplatesModule } from '../templates/templates.module';
import { FlightsController } from './flights.controller';
import { FlightsRepository } from './flights.repository';
import { FlightsService } from './flights.service';

@Module({
  imports: [ConversationsModule, RoutingModule, TemplatesModule],
  controllers: [FlightsController],
  providers: [FlightsRepository, FlightsService],
})
export class FlightsModule {}
