import { Controller, Get } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Draining } from '../lifecycle/draining';
import { Public } from '../common/auth/auth.decorators';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('operations')
@Controller({ path: 'health' })
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly draining: Draining,
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  @ApiOperation({ operationId: 'checkHealth', summary: 'Whether Postgres and Redis answer (Terminus); 503 when either is down' })
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      // Down first while shutting down, so a balancer stops sending work before the process goes.
      () => (this.draining.isDraining ? this.indicators.check('process').down({ message: 'shutting down' }) : this.indicators.check('process').up()),
      () => this.database.pingCheck('postgres', { timeout: 1500 }),
      () => this.redis.pingCheck('redis'),
    ]);
  }
}
