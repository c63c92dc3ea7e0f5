import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { ApiError } from '../openapi/api-errors.decorator';
import { Public } from '../common/auth/auth.decorators';
import { METRICS_TOKEN_SCHEME } from '../openapi/openapi-security';
import { MetricsAccess } from './metrics-access';
import { MetricsRegistry } from './metrics-registry';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly access: MetricsAccess,
  ) {}

  // Not a user endpoint: the JWT guard is skipped and METRICS_TOKEN, when set, is checked here.
  @Public()
  @Get()
  // The token when METRICS_TOKEN is set, else none (the empty requirement).
  @ApiSecurity(METRICS_TOKEN_SCHEME)
  @ApiSecurity({})
  @ApiOperation({ operationId: 'scrapeMetrics', summary: 'Prometheus metrics (Authorization: Bearer <METRICS_TOKEN> when that is set)' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format', schema: { type: 'string' } })
  @ApiError(401, 'METRICS_TOKEN is set and the bearer token is missing or different')
  async scrape(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) response: Response): Promise<string> {
    this.access.assertAllowed(authorization);
    const body = await this.metrics.scrape();
    response.setHeader('Content-Type', this.metrics.contentType);
    return body;
  }
}
