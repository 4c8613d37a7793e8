import { Injectable } from '@nestjs/common';
import { OpenedPayment, PaymentProvider } from './payment-provider';

/**
 * The default provider: money arrives outside the system (bank transfer, cash on delivery) and an
 * admin confirms it (POST /admin/orders/:id/payments/confirm); refunds are paid back the same way.
 */
@Injectable()
export class ManualPaymentProvider implements PaymentProvider {
  readonly name = 'manual' as const;
  readonly configured = true;
  readonly remote = false;

  async open(): Promise<OpenedPayment> {
    return { providerRef: null };
  }

  async refund(): Promise<{ refundRef: string | null }> {
    return { refundRef: null };
  }

  /** Nothing was opened anywhere: there is nothing to withdraw. */
  async cancel(): Promise<'cancelled'> {
    return 'cancelled';
  }
}
