import { emailVerificationMail, invitationMail } from '../../src/mail/templates/account.templates';
import { escapeHtml, renderBody } from '../../src/mail/templates/layout';
import { tokenLink } from '../../src/mail/templates/links';
import { OrderMailOrder, orderPlacedMail, orderRefundedMail } from '../../src/mail/templates/order.templates';

const order: OrderMailOrder = {
  to: 'ada@example.com',
  storeName: `<script>alert("x")</script>`,
  orderNumber: '20261200001',
  currency: 'EUR',
  items: [{ name: `O'Brien & Sons <i>tea</i>`, quantity: 3, total: '12.30' }],
  subtotal: '12.30',
  discount: '1.00',
  shipping: '4.90',
  tax: '0.00',
  total: '16.20',
  link: null,
};

describe('mail templates', () => {
  it('escapes every character that matters in HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('an order email: the values as typed in the text, escaped in the HTML, both parts complete', () => {
    const mail = orderPlacedMail(order);
    expect(mail.subject).toBe(`<script>alert("x")</script>: order 20261200001 received`);
    expect(mail.text).toContain(`3 × O'Brien & Sons <i>tea</i>: 12.30 EUR`);
    expect(mail.text).toContain('Discount: −1.00 EUR');
    expect(mail.text).not.toContain('Tax:');
    expect(mail.html).not.toMatch(/<script|<i>/);
    expect(mail.html).toContain('O&#39;Brien &amp; Sons &lt;i&gt;tea&lt;/i&gt;');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    // A guest's order: no link to a page they cannot open without the order token.
    expect(mail.html).not.toContain('<a ');
  });

  it('a partial refund says how much so far; a full one says all of it', () => {
    expect(orderRefundedMail(order, { amount: '2.00', totalRefunded: '5.00', full: false }).text).toContain(
      'We refunded 2.00 EUR for order 20261200001 (5.00 EUR refunded so far).',
    );
    expect(orderRefundedMail(order, { amount: '11.20', totalRefunded: '16.20', full: true }).text).toContain(
      'the whole payment has been returned',
    );
  });

  it('token links: the storefront page with token=<token>, encoded', () => {
    const link = tokenLink('https://shop.example', '/verify-email', 'a+b/c');
    expect(link).toBe('https://shop.example/verify-email?token=a%2Bb%2Fc');
    const mail = emailVerificationMail({ to: 'a@b.example', link, expiresAt: '2026-12-02T08:30:00.000Z' });
    expect(mail.text).toContain(`Confirm my email address:\n${link}`);
    expect(mail.text).toContain('until 2026-12-02 08:30 UTC');
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.link).toBe(link);
    expect(invitationMail({ to: 'a@b.example', link, expiresAt: '2026-12-02T08:30:00.000Z' }).subject).toBe(
      'You are invited to manage the shop',
    );
  });

  it('a non-web link is shown as text, never as an href', () => {
    const { html, text } = renderBody('Hi', [{ kind: 'link', label: 'Go', url: 'javascript:alert(1)' }]);
    expect(html).not.toContain('href');
    expect(text).toContain('Go:\njavascript:alert(1)');
  });
});
