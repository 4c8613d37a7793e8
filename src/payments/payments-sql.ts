import { formatMoney, Money } from '../common/money';
import { PreparedSqlStatement } from '../common/sql-statement';
import { PaymentProviderName } from './payment.types';

/** The pending payment row of a new order (checkout). */
export function insertPendingPaymentStatement(payment: {
  orderId: string;
  provider: PaymentProviderName;
  amount: Money;
  currency: string;
}): PreparedSqlStatement {
  return {
    name: 'payment_insert_pending',
    text: `INSERT INTO payments (order_id, provider, amount, currency, status) VALUES ($1, $2, $3, $4, 'pending')`,
    values: [payment.orderId, payment.provider, formatMoney(payment.amount), payment.currency],
  };
}
