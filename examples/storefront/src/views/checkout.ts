import { unwrap } from '../../../../clients/typescript/src/index.js';
import { api } from '../api.js';
import { STORE_SLUG } from '../config.js';
import { field, h, show } from '../dom.js';
import { errorBox } from '../errors.js';
import { auth, checkoutKey } from '../session.js';

const ADDRESS_FIELDS: Array<[name: string, label: string, attributes?: Record<string, string>]> = [
  ['phone', 'Phone', { type: 'tel' }],
  ['addressLine1', 'Street address'],
  ['city', 'City'],
  ['state', 'State / region'],
  ['postalCode', 'Postal code'],
  ['country', 'Country (2 letters)', { maxlength: '2', value: 'US' }],
];

/**
 * Checkout with the manual provider: a guest registers first (sending the cart session, so the guest
 * cart becomes the customer's), then the address goes to the address book and the order is placed.
 */
/** `onChange`: the account or the cart changed (header to refresh). */
export function renderCheckout(root: HTMLElement, go: (hash: string) => void, onChange: () => void) {
  const signedIn = auth.email();
  const input = (name: string, label: string, attributes: Record<string, string> = {}) =>
    h('label', {}, label, h('input', { name, required: name !== 'state', ...attributes }));
  const status = h('div', { class: 'status', 'data-testid': 'checkout-status' });
  const form = h(
    'form',
    { class: 'checkout', 'data-testid': 'checkout-form' },
    signedIn
      ? h('p', {}, `Signed in as ${signedIn}`)
      : h(
          'fieldset',
          {},
          h('legend', {}, 'Create your account'),
          input('email', 'Email', { type: 'email', autocomplete: 'email' }),
          input('password', 'Password (8+ characters)', {
            type: 'password',
            minlength: '8',
            autocomplete: 'new-password',
          }),
        ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Shipping address'),
      input('fullName', 'Full name', { autocomplete: 'name' }),
      ...ADDRESS_FIELDS.map(([name, label, attributes]) => input(name, label, attributes)),
    ),
    h('button', { type: 'submit', 'data-testid': 'place-order' }, 'Place order'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const button = form.querySelector('button');
    if (button) button.disabled = true;
    void placeOrder(form, onChange)
      .then((orderId) => {
        onChange(); // the order emptied the cart
        go(`#/order/${orderId}`);
      })
      .catch((error: unknown) => show(status, errorBox(error)))
      .finally(() => {
        if (button) button.disabled = false;
      });
  });
  show(root, h('h2', {}, 'Checkout'), form, status);
}

async function placeOrder(form: HTMLFormElement, onAuthChange: () => void): Promise<string> {
  const fullName = field(form, 'fullName');
  if (!auth.email()) {
    const session = await unwrap(
      api.POST('/api/auth/register', {
        body: { email: field(form, 'email'), password: field(form, 'password'), fullName },
      }),
    );
    auth.signIn(session);
    onAuthChange();
  }
  const address = await unwrap(
    api.POST('/api/me/addresses', {
      body: {
        fullName,
        phone: field(form, 'phone'),
        addressLine1: field(form, 'addressLine1'),
        city: field(form, 'city'),
        state: field(form, 'state'),
        postalCode: field(form, 'postalCode'),
        country: field(form, 'country'),
      },
    }),
  );
  const body = { shippingAddressId: address.id };
  const result = await unwrap(
    api.POST('/api/stores/{storeSlug}/checkout', {
      params: { path: { storeSlug: STORE_SLUG }, header: { 'Idempotency-Key': checkoutKey.for(body) } },
      body,
    }),
  );
  checkoutKey.done();
  return result.order.id;
}
