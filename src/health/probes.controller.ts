import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { IgnoresAccessToken } from '../auth/decorators/ignores-access-token.decorator';
import { Public } from '../common/decorators/public.decorator';
import { LiveResponse, NotReadyResponse, ReadyResponse } from './probes.dto';
import { Readiness } from './readiness';

interface StatusResponse {
  status(code: number): unknown;
}

/** Orchestrator probes (Kubernetes liveness/readiness); GET /health stays as it was. */
@ApiTags('health')
@Public()
@IgnoresAccessToken()
@Controller('health')
export class ProbesController {
  constructor(private readonly readiness: Readiness) {}

  @Get('live')
  @ApiOperation({
    summary: 'Liveness probe',
    description:
      'Always 200 while the process can answer HTTP; touches no database, so a database outage does ' +
      'not get healthy processes restarted.',
  })
  @ApiOkResponse({ type: LiveResponse, description: 'The process is up' })
  live(): LiveResponse {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness probe',
    description:
      '200 when the database answers within 2 s, every migration of this build is applied and the ' +
      'process is not shutting down; else 503 with the reason (take the instance out of rotation).',
  })
  @ApiOkResponse({ type: ReadyResponse, description: 'Ready for traffic' })
  @ApiServiceUnavailableResponse({ type: NotReadyResponse, description: 'Not ready: `reason` says why' })
  async ready(@Res({ passthrough: true }) res: StatusResponse): Promise<ReadyResponse | NotReadyResponse> {
    const reason = await this.readiness.check();
    res.status(reason === null ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return reason === null ? { status: 'ready' } : { status: 'not_ready', reason };
  }
}
