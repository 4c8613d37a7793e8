import { expectOk, unwrap, type Cart } from '../../../../clients/typescript/src/index.js';
import { api } from '../api.js';
import { STORE_SLUG } from '../config.js';
import { h, money, show } from '../dom.js';

/** The cart (the guest's, by session, or the customer's, by token): lines, subtotal, checkout link. */
export async function renderCart(root: HTMLElement, onCartChange: () => void) {
  const cart = await loadCart();
  if (cart.items.length === 0) {
    show(
      root,
      h('h2', {}, 'Your cart'),
      h('p', { 'data-testid': 'cart-empty' }, 'Your cart is empty. '),
      h('a', { href: '#/' }, 'Browse products'),
    );
    return;
  }
  const rows = cart.items.map((item) => {
    const remove = h('button', { type: 'button', class: 'link' }, 'Remove');
    remove.addEventListener('click', () => {
      void expectOk(
        api.DELETE('/api/stores/{storeSlug}/cart/items/{itemId}', {
          params: { path: { storeSlug: STORE_SLUG, itemId: item.id } },
        }),
      )
        .then(() => renderCart(root, onCartChange))
        .then(onCartChange);
    });
    return h(
      'tr',
      { 'data-testid': 'cart-line' },
      h('td', {}, `${item.productName} — ${item.variantName}`),
      h('td', { class: 'num' }, String(item.quantity)),
      h('td', { class: 'num' }, money(item.unitPrice, cart.currency)),
      h('td', { class: 'num' }, money(item.lineTotal, cart.currency)),
      h('td', {}, remove),
    );
  });
  show(
    root,
    h('h2', {}, 'Your cart'),
    h(
      'table',
      { class: 'lines', 'data-testid': 'cart' },
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
          h('th', {}),
        ),
      ),
      h('tbody', {}, ...rows),
      h(
        'tfoot',
        {},
        h(
          'tr',
          {},
          h('td', { colspan: '3' }, 'Subtotal'),
          h('td', { class: 'num', 'data-testid': 'cart-subtotal' }, money(cart.subtotal, cart.currency)),
          h('td', {}),
        ),
      ),
    ),
    h('p', {}, h('a', { class: 'button', href: '#/checkout', 'data-testid': 'go-checkout' }, 'Checkout')),
  );
}

export function loadCart(): Promise<Cart> {
  return unwrap(api.GET('/api/stores/{storeSlug}/cart', { params: { path: { storeSlug: STORE_SLUG } } }));
}
