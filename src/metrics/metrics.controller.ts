import { Controller, Get, Headers, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { IgnoresAccessToken } from '../auth/decorators/ignores-access-token.decorator';
import { Public } from '../common/decorators/public.decorator';
import { AppException } from '../common/errors';
import { ApiErrors } from '../common/openapi';
import { AppConfig } from '../config/app-config';
import { InjectAppConfig } from '../config/app-config.module';
import { hasMetricsToken } from './metrics-token';
import { MetricsService } from './metrics.service';

@ApiTags('health')
@Public()
// METRICS_TOKEN is not a JWT: the access-token guard must not try to read it.
@IgnoresAccessToken()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Prometheus metrics',
    description:
      'Prometheus text format (prom-client): `http_requests_total` and `http_request_duration_seconds` by ' +
      'method, route pattern and status; database pool; checkout, webhook and email outcomes; active stock ' +
      'reservations; outbox depth and failed deliveries; process metrics. With WEB_CONCURRENCY the numbers ' +
      'are summed over all workers. When METRICS_TOKEN is set it wants `Authorization: Bearer <METRICS_TOKEN>` ' +
      '(not a user token). Names and labels: docs/operations.md, "Metrics and probes".',
  })
  @ApiOkResponse({
    description: 'The metrics, `text/plain; version=0.0.4`',
    content: {
      'text/plain': {
        schema: {
          type: 'string',
          example: 'http_requests_total{method="GET",route="/api/health",status="200"} 3\n',
        },
      },
    },
  })
  @ApiErrors([401, 'UNAUTHORIZED: METRICS_TOKEN is set and the request does not carry it'])
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const token = this.config.metricsToken;
    if (token !== undefined && !hasMetricsToken(authorization, token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new AppException(HttpStatus.UNAUTHORIZED, 'UNAUTHORIZED', 'A valid metrics token is required');
    }
    const text = await this.metrics.render();
    res.setHeader('Content-Type', this.metrics.contentType);
    res.setHeader('Cache-Control', 'no-store');
    return text;
  }
}
