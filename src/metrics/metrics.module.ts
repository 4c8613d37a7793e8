import { Global, Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { CheckoutOutcomeInterceptor } from './checkout-outcome.interceptor';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

/**
 * GET /api/metrics (Prometheus). HTTP timing: httpMetricsMiddleware, installed by configureApp.
 * Domain modules count outcomes through the counters of domain-metrics.ts (no import of this module
 * needed); the checkout route through `@CountsCheckoutOutcome()`.
 */
@Global()
@Module({
  imports: [EventsModule],
  controllers: [MetricsController],
  providers: [MetricsService, CheckoutOutcomeInterceptor],
  exports: [MetricsService, CheckoutOutcomeInterceptor],
})
export class MetricsModule {}
