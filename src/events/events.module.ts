import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CommitSignal } from './commit-signal';
import { EventDispatcher } from './event-dispatcher';
import { EventsAdminController } from './events-admin.controller';
import { EventsService } from './events.service';
import { OutboxRetention } from './outbox-retention';
import { SubscriberRegistry } from './subscriber-registry';

/**
 * Domain events (the outbox): typed events recorded in the transaction of their change, delivered
 * after the commit to `@OnDomainEvent` methods of any module. Knows nothing about the domain. A
 * module that records events imports EventsModule and calls `EventsService.record(tx, …)`; a module
 * that only subscribes needs nothing but the decorator.
 */
@Module({
  imports: [DiscoveryModule],
  controllers: [EventsAdminController],
  providers: [SubscriberRegistry, CommitSignal, EventsService, EventDispatcher, OutboxRetention],
  exports: [EventsService, OutboxRetention],
})
export class EventsModule {}
