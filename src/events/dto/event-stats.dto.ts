import { ApiProperty } from '@nestjs/swagger';
import { EventStats } from '../events.service';

export class FailedDeliveriesView {
  @ApiProperty({ example: 'LoyaltySubscriber.onOrderPaid' })
  subscriber: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 2 })
  count: number;
}

export class EventStatsResponse implements EventStats {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Events not yet delivered to every subscriber',
    example: 0,
  })
  pendingEvents: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Deliveries waiting for their (next) run, the running ones included',
    example: 0,
  })
  pendingDeliveries: number;

  @ApiProperty({
    type: Number,
    minimum: 0,
    nullable: true,
    description: 'Age of the oldest pending event: the dispatcher’s lag. Null when nothing is pending.',
    example: 0.4,
  })
  oldestPendingAgeSeconds: number | null;

  @ApiProperty({
    type: [FailedDeliveriesView],
    description: 'Deliveries that used up EVENTS_MAX_ATTEMPTS and are no longer retried, per subscriber',
  })
  failedDeliveries: FailedDeliveriesView[];

  @ApiProperty({
    type: [String],
    description: 'The after-commit subscribers this instance delivers to, as `type subscriber`',
    example: ['order.paid LoyaltySubscriber.onOrderPaid'],
  })
  subscribers: string[];

  @ApiProperty({ description: 'Whether this instance runs the dispatcher (EVENTS_DISPATCH)', example: true })
  dispatching: boolean;
}
