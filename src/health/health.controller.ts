import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { IgnoresAccessToken } from '../auth/decorators/ignores-access-token.decorator';
import { Public } from '../common/decorators/public.decorator';
import { ApiErrors } from '../common/openapi';
import { HealthService } from './health.service';

/** The 200 body. */
export class HealthUp {
  @ApiProperty({ enum: ['ok'], example: 'ok' })
  status: 'ok';

  @ApiProperty({ enum: ['up'], example: 'up' })
  db: 'up';
}

/** The 503 body: a plain body, not the error envelope, so that probes read the same two fields. */
export class HealthDown {
  @ApiProperty({ enum: ['error'], example: 'error' })
  status: 'error';

  @ApiProperty({ enum: ['down'], example: 'down' })
  db: 'down';
}

export type HealthResponse = HealthUp | HealthDown;

/** Minimal response surface: only the status code is set, the body is returned (passthrough). */
interface StatusResponse {
  status(code: number): unknown;
}

@ApiTags('health')
@Public()
// A probe's answer depends on the database alone: a token sent along is not even read.
@IgnoresAccessToken()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({
    summary: 'Check liveness and database reachability',
    description: 'For load balancers and orchestrators: 200 when the database answers within 2 s, else 503.',
  })
  @ApiOkResponse({ type: HealthUp, description: 'Up, and the database answers' })
  @ApiServiceUnavailableResponse({
    description: 'The database is unreachable or slow: `{status: "error", db: "down"}`',
    type: HealthDown,
  })
  @ApiErrors(400)
  async check(@Res({ passthrough: true }) res: StatusResponse): Promise<HealthResponse> {
    const up = await this.health.isDatabaseUp();
    // A plain body, not the error envelope: probes read `status` and `db` in both cases.
    res.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return up ? { status: 'ok', db: 'up' } : { status: 'error', db: 'down' };
  }
}
