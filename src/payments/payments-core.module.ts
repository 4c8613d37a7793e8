import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PaymentEvent } from './entities/payment-event.entity';
import { Payment } from './entities/payment.entity';
import { PaymentsService } from './payments.service';
import { PaymentProvidersModule } from './providers/payment-providers.module';

/**
 * The payments' own tables and provider calls (PaymentsService). Depends on no other domain module:
 * orders and checkout import it; the webhook module (PaymentsModule) sits above orders.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Payment, PaymentEvent]), PaymentProvidersModule],
  providers: [PaymentsService],
  exports: [PaymentsService, PaymentProvidersModule],
})
export class PaymentsCoreModule {}
