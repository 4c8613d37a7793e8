import { formatMoney, Money } from '../common/money';
import { SqlStatement } from '../common/sql-statement';
import { PaymentProviderName } from './payment.types';

/** The pending payment row of a new order (checkout). */
export function insertPendingPaymentStatement(payment: {
  orderId: string;
  provider: PaymentProviderName;
  amount: Money;
  currency: string;
}): SqlStatement {
  return {
    text: `INSERT INTO payments (order_id, provider, amount, currency, status) VALUES ($1, $2, $3, $4, 'pending')`,
    values: [payment.orderId, payment.provider, formatMoney(payment.amount), payment.currency],
  };
}
