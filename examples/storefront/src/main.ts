/**
 * The example storefront: hash routes over the typed client, no framework.
 *   #/?category=<slug>&q=<words>   products    #/product/<slug>   one product
 *   #/cart                          the cart    #/checkout          register + address + order
 *   #/order/<id>                    the order
 */
import { expectOk } from '../../../clients/typescript/src/index.js';
import { api } from './api.js';
import { h, show } from './dom.js';
import { errorBox } from './errors.js';
import { auth, cartSession } from './session.js';
import { currentStore } from './store.js';
import { loadCart, renderCart } from './views/cart.js';
import { renderProductList } from './views/catalog.js';
import { renderCheckout } from './views/checkout.js';
import { renderOrder } from './views/order.js';
import { renderProduct } from './views/product.js';

const root = document.getElementById('app');
const header = document.getElementById('account');
const title = document.getElementById('store-name');

function go(hash: string): void {
  if (window.location.hash === hash) void route();
  else window.location.hash = hash;
}

async function route(): Promise<void> {
  if (!root) return;
  const [path = '/', query = ''] = window.location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const [, page = '', id = ''] = path.split('/');
  root.setAttribute('aria-busy', 'true');
  try {
    if (page === 'product') await renderProduct(root, decodeURIComponent(id), onChange);
    else if (page === 'cart') await renderCart(root, onChange);
    else if (page === 'checkout') renderCheckout(root, go, onChange);
    else if (page === 'order') await renderOrder(root, decodeURIComponent(id));
    else {
      await renderProductList(
        root,
        { category: params.get('category') ?? undefined, q: params.get('q') ?? undefined },
        go,
      );
    }
  } catch (error) {
    show(root, errorBox(error));
  } finally {
    root.removeAttribute('aria-busy');
  }
}

/** The cart or the account changed: the header shows it. */
function onChange(): void {
  void refreshHeader();
}

/** The header's cart count and account; a guest without a cart session has no cart to ask for. */
async function refreshHeader(): Promise<void> {
  if (!header) return;
  const email = auth.email();
  let count = 0;
  if (email || cartSession.get()) {
    const cart = await loadCart().catch(() => undefined);
    count = cart?.items.reduce((n, item) => n + item.quantity, 0) ?? 0;
  }
  const signOut = h('button', { type: 'button', class: 'link' }, 'Sign out');
  signOut.addEventListener('click', () => {
    const refreshToken = auth.refreshToken();
    auth.signOut();
    void (
      refreshToken ? expectOk(api.POST('/api/auth/logout', { body: { refreshToken } })) : Promise.resolve()
    )
      .catch(() => undefined)
      .then(refreshHeader);
  });
  show(
    header,
    h('a', { href: '#/cart', 'data-testid': 'cart-link' }, `Cart (${count})`),
    email
      ? h('span', { 'data-testid': 'account' }, ` · ${email} `, signOut)
      : h('span', { class: 'muted' }, ' · Guest'),
  );
}

window.addEventListener('hashchange', () => void route());
void currentStore()
  .then((store) => {
    if (title) title.textContent = store.name;
    document.title = store.name;
  })
  .catch(() => undefined);
void refreshHeader();
void route();
