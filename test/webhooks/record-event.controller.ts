/**
 * A test-only route that records a domain event in its transaction, as a domain route will once
 * the services record events: lets a test time a request whose event goes to a hanging receiver.
 */
import { Controller, Module, Param, Post } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Public } from '../../src/common/decorators/public.decorator';
import { inTransaction } from '../../src/database/transactions';
import { EventsModule, EventsService, OrderPlaced } from '../../src/events';

@Controller('test-webhooks')
export class RecordEventTestController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsService,
  ) {}

  @Public()
  @Post(':storeId/order-placed')
  async record(@Param('storeId') storeId: string): Promise<{ eventId: string }> {
    const event = new OrderPlaced(storeId, {
      orderId: randomUUID(),
      orderNumber: '20261200001',
      customerId: randomUUID(),
      email: 'buyer@example.com',
      total: '19.99',
      currency: 'USD',
    });
    await inTransaction(this.dataSource, (tx) => this.events.record(tx, event));
    return { eventId: event.id };
  }
}

@Module({ imports: [EventsModule], controllers: [RecordEventTestController] })
export class RecordEventTestModule {}
