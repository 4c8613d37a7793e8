import { ApiProperty } from '@nestjs/swagger';
import { NotReadyReason } from './readiness';

/** GET /health/live: the process answers (nothing else is checked). */
export class LiveResponse {
  @ApiProperty({ enum: ['ok'], example: 'ok' })
  status: 'ok';
}

/** GET /health/ready 200. */
export class ReadyResponse {
  @ApiProperty({ enum: ['ready'], example: 'ready' })
  status: 'ready';
}

/** GET /health/ready 503: a plain body, as the other probe's, with why. */
export class NotReadyResponse {
  @ApiProperty({ enum: ['not_ready'], example: 'not_ready' })
  status: 'not_ready';

  @ApiProperty({
    enum: ['database_down', 'migrations_pending', 'shutting_down'],
    example: 'shutting_down',
    description:
      '`database_down`: no answer within 2 s; `migrations_pending`: this build expects migrations the ' +
      'database lacks; `shutting_down`: draining after SIGTERM (in-flight requests finish)',
  })
  reason: NotReadyReason;
}
