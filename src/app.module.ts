import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { AppConfigModule } from './config/app-config.module';
import { ConversationsModule } from './conversations/conversations.module';
import { DatabaseModule } from './database/database.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { IncidentsModule } from './incidents/incidents.module';
import { IntakeModule } from './intake/intake.module';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { LoggingModule } from './logging.module';
import { MeModule } from './me/me.module';
import { MetricsModule } from './metrics/metrics.module';
import { OperationsModule } from './operations/operations.module';
import { PeriodicModule } from './periodic/periodic.module';
import { QueuesModule } from './queues/queues.module';
import { RateLimitsModule } from './rate-limits/rate-limits.module';
import { RoutingModule } from './routing/routing.module';
import { RulesModule } from './routing/rules/routing-rules.module';
import { ShiftsModule } from './shifts/shifts.module';
import { SimulationsModule } from './simulations/simulations.module';
import { StaffingModule } from './staffing/staffing.module';
import { StatsModule } from './stats/stats.module';
import { UsersModule } from './users/users.module';
import { TemplatesModule } from './templates/templates.module';
import { FlightsModule } from './flights/flights.module';

@Module({
  imports: [
    AppConfigModule,
    LifecycleModule,
    LoggingModule,
    RateLimitsModule,
    DatabaseModule,
    QueuesModule,
    PeriodicModule,
    EventsModule,
    MetricsModule,
    HealthModule,
    AuthModule,
    UsersModule,
    IncidentsModule,
    MeModule,
    ShiftsModule,
    RoutingModule,
    IntakeModule,
    RulesModule,
    ConversationsModule,
    StatsModule,
    TemplatesModule,
    FlightsModule,
    OperationsModule,
    StaffingModule,
    SimulationsModule,
  ],
})
export class AppModule {}
