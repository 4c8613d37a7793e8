import { unwrap, type ProductDetail } from '../../../../clients/typescript/src/index.js';
import { api } from '../api.js';
import { STORE_SLUG } from '../config.js';
import { field, h, money, show } from '../dom.js';
import { errorBox } from '../errors.js';
import { currentStore } from '../store.js';

/** One product: its variants with their prices and stock, and "Add to cart" for the chosen one. */
export async function renderProduct(root: HTMLElement, slug: string, onCartChange: () => void) {
  const [store, product] = await Promise.all([
    currentStore(),
    unwrap(
      api.GET('/api/stores/{storeSlug}/products/{productSlug}', {
        params: { path: { storeSlug: STORE_SLUG, productSlug: slug } },
      }),
    ),
  ]);
  const status = h('div', { class: 'status', 'data-testid': 'add-status' });
  const form = h(
    'form',
    { class: 'variants' },
    h('fieldset', {}, h('legend', {}, 'Choose a variant'), ...variantChoices(product, store.currency)),
    h('label', {}, 'Quantity ', h('input', { name: 'quantity', type: 'number', min: '1', value: '1' })),
    h('button', { type: 'submit', 'data-testid': 'add-to-cart' }, 'Add to cart'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const variantId = field(form, 'variant');
    const quantity = Number(field(form, 'quantity'));
    void addToCart(variantId, quantity, status).then(onCartChange);
  });

  show(
    root,
    h('p', {}, h('a', { href: '#/' }, '← All products')),
    h(
      'article',
      { class: 'product', 'data-testid': 'product' },
      h('h2', {}, product.name),
      h('p', { class: 'muted' }, product.category?.name ?? ''),
      h('p', {}, product.description ?? ''),
      form,
      status,
    ),
  );
}

function variantChoices(product: ProductDetail, currency: string): HTMLLabelElement[] {
  const firstAvailable = product.variants.find((v) => v.available > 0);
  return product.variants.map((variant) =>
    h(
      'label',
      { class: 'variant', 'data-testid': 'variant' },
      h('input', {
        type: 'radio',
        name: 'variant',
        value: variant.id,
        checked: variant.id === firstAvailable?.id,
        disabled: variant.available <= 0,
      }),
      h('span', { class: 'variant-name' }, variant.name),
      h('span', { class: 'price' }, money(variant.price, currency)),
      h('span', { class: 'muted' }, variant.available > 0 ? `${variant.available} in stock` : 'sold out'),
    ),
  );
}

async function addToCart(variantId: string, quantity: number, status: HTMLElement): Promise<void> {
  try {
    // The first call of a guest gets a cart session; the client keeps it (localStorage) and sends it back.
    const cart = await unwrap(
      api.POST('/api/stores/{storeSlug}/cart/items', {
        params: { path: { storeSlug: STORE_SLUG } },
        body: { variantId, quantity },
      }),
    );
    const count = cart.items.reduce((n, item) => n + item.quantity, 0);
    show(
      status,
      h(
        'p',
        { class: 'ok' },
        `Added. ${count} item(s) in your cart. `,
        h('a', { href: '#/cart' }, 'View cart'),
      ),
    );
  } catch (error) {
    show(status, errorBox(error));
  }
}
