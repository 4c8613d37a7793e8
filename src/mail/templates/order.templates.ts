import { RenderedMail } from '../mail.types';
import { MailBlock, renderBody } from './layout';

/** What the order emails show of an order: money already as "19.99" strings in `currency`. */
export interface OrderMailOrder {
  to: string;
  storeName: string;
  orderNumber: string;
  currency: string;
  items: ReadonlyArray<{ name: string; quantity: number; total: string }>;
  subtotal: string;
  discount: string;
  shipping: string;
  tax: string;
  total: string;
  /** The customer's order page; null for a guest's order (it opens with the order token only). */
  link: string | null;
}

export interface ShipmentInput {
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
}

export interface RefundInput {
  amount: string;
  totalRefunded: string;
  full: boolean;
}

const money = (order: OrderMailOrder, amount: string): string => `${amount} ${order.currency}`;

function linesOf(order: OrderMailOrder): MailBlock {
  return {
    kind: 'rows',
    rows: order.items.map((item) => [`${item.quantity} × ${item.name}`, money(order, item.total)] as const),
  };
}

function totalsOf(order: OrderMailOrder): MailBlock {
  const rows: Array<readonly [string, string]> = [['Subtotal', money(order, order.subtotal)]];
  if (order.discount !== '0.00') rows.push(['Discount', `−${money(order, order.discount)}`]);
  rows.push(['Shipping', money(order, order.shipping)]);
  if (order.tax !== '0.00') rows.push(['Tax', money(order, order.tax)]);
  rows.push(['Total', money(order, order.total)]);
  return { kind: 'rows', rows };
}

function orderLink(order: OrderMailOrder): MailBlock[] {
  return order.link ? [{ kind: 'link', label: 'View your order', url: order.link }] : [];
}

function mail(order: OrderMailOrder, subject: string, blocks: MailBlock[]): RenderedMail {
  return { to: order.to, subject, ...renderBody(subject, blocks) };
}

export function orderPlacedMail(order: OrderMailOrder): RenderedMail {
  return mail(order, `${order.storeName}: order ${order.orderNumber} received`, [
    { kind: 'paragraph', text: `Thank you for your order ${order.orderNumber} at ${order.storeName}.` },
    linesOf(order),
    totalsOf(order),
    { kind: 'paragraph', text: 'We will email you again when the payment has gone through.' },
    ...orderLink(order),
  ]);
}

export function orderPaidMail(order: OrderMailOrder, paid: { amount: string }): RenderedMail {
  return mail(order, `${order.storeName}: payment received for order ${order.orderNumber}`, [
    {
      kind: 'paragraph',
      text: `We received your payment of ${money(order, paid.amount)} for order ${order.orderNumber}. We are preparing it for shipping.`,
    },
    linesOf(order),
    totalsOf(order),
    ...orderLink(order),
  ]);
}

export function orderShippedMail(order: OrderMailOrder, shipment: ShipmentInput): RenderedMail {
  const tracking: Array<readonly [string, string]> = [];
  if (shipment.carrier) tracking.push(['Carrier', shipment.carrier]);
  if (shipment.trackingNumber) tracking.push(['Tracking number', shipment.trackingNumber]);
  const blocks: MailBlock[] = [
    { kind: 'paragraph', text: `Your order ${order.orderNumber} from ${order.storeName} is on its way.` },
  ];
  if (tracking.length > 0) blocks.push({ kind: 'rows', rows: tracking });
  if (shipment.trackingUrl)
    blocks.push({ kind: 'link', label: 'Track your parcel', url: shipment.trackingUrl });
  blocks.push(linesOf(order), ...orderLink(order));
  return mail(order, `${order.storeName}: order ${order.orderNumber} has shipped`, blocks);
}

export function orderRefundedMail(order: OrderMailOrder, refund: RefundInput): RenderedMail {
  const text = refund.full
    ? `We refunded ${money(order, refund.amount)} for order ${order.orderNumber}: the whole payment has been returned.`
    : `We refunded ${money(order, refund.amount)} for order ${order.orderNumber} (${money(order, refund.totalRefunded)} refunded so far).`;
  return mail(order, `${order.storeName}: refund for order ${order.orderNumber}`, [
    { kind: 'paragraph', text },
    {
      kind: 'paragraph',
      text: 'Depending on your bank, it can take a few days to appear on your statement.',
    },
    ...orderLink(order),
  ]);
}
