export * from './catalogue';
export * from './domain-event';
export { EventsModule } from './events.module';
export { EventsService, EventStats } from './events.service';
export * from './on-domain-event.decorator';
