import { unwrap } from '../../../../clients/typescript/src/index.js';
import { api } from '../api.js';
import { h, money, show } from '../dom.js';

/** A placed order: number, status, lines and totals, as the API computed them. */
export async function renderOrder(root: HTMLElement, id: string) {
  const order = await unwrap(api.GET('/api/orders/{id}', { params: { path: { id } } }));
  const m = (amount: string) => money(amount, order.currency);
  const total = (label: string, amount: string, testId?: string) =>
    h(
      'tr',
      {},
      h('td', { colspan: '3' }, label),
      h('td', { class: 'num', 'data-testid': testId }, m(amount)),
    );
  show(
    root,
    h('h2', {}, 'Thank you for your order'),
    h(
      'dl',
      { class: 'order-facts' },
      h('dt', {}, 'Order number'),
      h('dd', { 'data-testid': 'order-number' }, order.orderNumber),
      h('dt', {}, 'Status'),
      h('dd', { 'data-testid': 'order-status' }, order.status),
      h('dt', {}, 'Payment'),
      h('dd', { 'data-testid': 'order-payment-status' }, order.paymentStatus),
    ),
    h(
      'table',
      { class: 'lines', 'data-testid': 'order' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}, 'Item'),
          h('th', { class: 'num' }, 'Qty'),
          h('th', { class: 'num' }, 'Price'),
          h('th', { class: 'num' }, 'Total'),
        ),
      ),
      h(
        'tbody',
        {},
        ...order.items.map((item) =>
          h(
            'tr',
            { 'data-testid': 'order-line' },
            h('td', {}, `${item.productName} — ${item.variantName}`),
            h('td', { class: 'num' }, String(item.quantity)),
            h('td', { class: 'num' }, m(item.unitPrice)),
            h('td', { class: 'num' }, m(item.totalPrice)),
          ),
        ),
      ),
      h(
        'tfoot',
        {},
        total('Subtotal', order.subtotal),
        total('Discount', order.discountAmount),
        total('Tax', order.taxAmount),
        total('Shipping', order.shippingAmount),
        total('Total', order.total, 'order-total'),
      ),
    ),
    h(
      'p',
      { class: 'muted' },
      'Payment: manual (the shop confirms it). ',
      h('a', { href: '#/' }, 'Continue shopping'),
    ),
  );
}
