import { Global, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { CheckoutOutcomeInterceptor } from './checkout-outcome.interceptor';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

/**
 * GET /api/metrics (Prometheus) and the HTTP timing of every request. Domain modules count outcomes
 * through the counters of domain-metrics.ts (no import of this module needed); the checkout route
 * through `@CountsCheckoutOutcome()`.
 */
@Global()
@Module({
  imports: [EventsModule],
  controllers: [MetricsController],
  providers: [MetricsService, CheckoutOutcomeInterceptor],
  exports: [MetricsService, CheckoutOutcomeInterceptor],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}
