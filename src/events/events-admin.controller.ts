import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/openapi';
import { EventStatsResponse } from './dto/event-stats.dto';
import { EventDispatcher } from './event-dispatcher';
import { EventsService } from './events.service';
import { SubscriberRegistry } from './subscriber-registry';
import { Allow, Permission } from '../auth/permissions';

@ApiTags('admin: events')
@ApiBearerAuth()
@Controller('admin/events')
export class EventsAdminController {
  constructor(
    private readonly events: EventsService,
    private readonly registry: SubscriberRegistry,
    private readonly dispatcher: EventDispatcher,
  ) {}

  @Allow(Permission.Platform)
  @Get('stats')
  @ApiOperation({
    summary: 'Domain event dispatch: lag and failures',
    description:
      'super_admin only. Pending events and deliveries, the age of the oldest pending event, and the deliveries that failed for good, per subscriber (whole outbox, every instance).',
  })
  @ApiOkResponse({ type: EventStatsResponse })
  @ApiErrors(400, 401, [403, 'FORBIDDEN: super_admin only'], 503)
  async stats(): Promise<EventStatsResponse> {
    return {
      ...(await this.events.stats()),
      subscribers: this.registry
        .allSubscribers()
        .map((s) => `${s.type} ${s.name}`)
        .sort(),
      dispatching: this.dispatcher.running,
    };
  }
}
