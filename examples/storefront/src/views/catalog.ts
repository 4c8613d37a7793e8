import { unwrap, type CategoryNode, type ProductCard } from '../../../../clients/typescript/src/index.js';
import { api } from '../api.js';
import { STORE_SLUG } from '../config.js';
import { field, h, money, show } from '../dom.js';
import { currentStore } from '../store.js';

export interface ListFilter {
  category?: string;
  q?: string;
}

/** The product grid with its filter form (category and search words, kept in the URL's hash). */
export async function renderProductList(root: HTMLElement, filter: ListFilter, go: (hash: string) => void) {
  const [store, categories, page] = await Promise.all([
    currentStore(),
    unwrap(api.GET('/api/stores/{storeSlug}/categories', { params: { path: { storeSlug: STORE_SLUG } } })),
    unwrap(
      api.GET('/api/stores/{storeSlug}/products', {
        params: {
          path: { storeSlug: STORE_SLUG },
          query: { category: filter.category || undefined, q: filter.q || undefined, limit: 48 },
        },
      }),
    ),
  ]);

  const form = h(
    'form',
    { class: 'filter', 'data-testid': 'filter' },
    h(
      'select',
      { name: 'category', 'aria-label': 'Category' },
      h('option', { value: '' }, 'All categories'),
      ...categoryOptions(categories, 0, filter.category),
    ),
    h('input', { name: 'q', type: 'search', placeholder: 'Search products', value: filter.q ?? '' }),
    h('button', { type: 'submit' }, 'Filter'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    const category = field(form, 'category');
    const q = field(form, 'q');
    if (category) query.set('category', category);
    if (q) query.set('q', q);
    go(`#/?${query.toString()}`);
  });

  show(
    root,
    form,
    h('p', { class: 'muted', 'data-testid': 'product-count' }, `${page.total} products`),
    h(
      'ul',
      { class: 'grid', 'data-testid': 'product-list' },
      ...page.items.map((product) => productCard(product, store.currency)),
    ),
  );
}

function categoryOptions(nodes: CategoryNode[], depth: number, selected?: string): HTMLOptionElement[] {
  return nodes.flatMap((node) => [
    h(
      'option',
      { value: node.slug, selected: node.slug === selected },
      `${'\u00a0\u00a0'.repeat(depth)}${node.name}`,
    ),
    ...categoryOptions(node.children, depth + 1, selected),
  ]);
}

function productCard(product: ProductCard, currency: string): HTMLLIElement {
  const { min, max } = product.priceRange;
  return h(
    'li',
    { class: 'card', 'data-testid': 'product-card' },
    h('span', { class: 'thumb', 'aria-hidden': 'true' }, product.name[0]),
    h('a', { class: 'name', href: `#/product/${encodeURIComponent(product.slug)}` }, product.name),
    h('p', { class: 'muted' }, product.category?.name ?? ''),
    h('p', { class: 'price' }, min === max ? money(min, currency) : `${min} – ${money(max, currency)}`),
    product.inStock ? null : h('p', { class: 'badge' }, 'Sold out'),
  );
}
