/**
 * The example storefront (examples/storefront) in a real browser: the API listens on one local origin,
 * the built page is served from a second one (so every call is cross-origin and CORS must allow it),
 * and headless Chromium shops as a guest: filter, product, cart, register (merging the guest cart),
 * checkout with the manual provider, order page. Then the order is read back from the database.
 *
 * Needs Debian's chromium at /usr/bin/chromium (CHROMIUM_PATH to use another). Without it the suite is
 * skipped, unless CI=true: then it fails, because CI must run it.
 */
import { INestApplication } from '@nestjs/common';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { formatMoney, parseMoney } from '../../src/common/money';
import { DEMO_PRODUCTS } from '../../src/demo/demo-catalog';
import { seedDemoStore } from '../../src/demo/demo-seed';
import { closeTestApp, createTestApp } from '../support/app';
import { createTestDatabase, TestDatabase } from '../support/database';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REPO = path.resolve(__dirname, '../..');
const DIST = path.join(REPO, 'examples/storefront/dist');
const hasChromium = existsSync(CHROMIUM);
const runs = hasChromium || process.env.CI === 'true';

if (!runs) {
  console.warn(
    `test/browser/storefront.e2e-spec.ts SKIPPED: no Chromium at ${CHROMIUM} ` +
      `(apt-get install chromium, or set CHROMIUM_PATH; with CI=true this is a failure).`,
  );
}

/** The built page on its own origin: a plain static file server, like any CDN would be. */
function serveStatic(root: string): Promise<Server> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.mjs': 'text/javascript',
    '.css': 'text/css',
  };
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(root, pathname === '/' ? 'index.html' : pathname);
    if (!file.startsWith(root + path.sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': `${types[path.extname(file)] ?? 'application/octet-stream'}; charset=utf-8`,
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const portOf = (server: Server): number => (server.address() as AddressInfo).port;

/** A demo variant's price as the API shows it: basePrice + priceAdjustment. */
function demoPrice(productName: string, variantName: string): string {
  const product = DEMO_PRODUCTS.find((p) => p.name === productName);
  const variant = product?.variants.find((v) => v.name === variantName);
  if (!product || !variant) throw new Error(`no demo variant ${productName} / ${variantName}`);
  return formatMoney(parseMoney(product.basePrice) + parseMoney(variant.priceAdjustment ?? '0'));
}

(runs ? describe : describe.skip)('example storefront in headless Chromium', () => {
  let db: TestDatabase;
  let app: INestApplication | undefined;
  let web: Server | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let profileDir: string | undefined;
  let pageUrl: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!hasChromium)
      throw new Error(`CI=true but there is no Chromium at ${CHROMIUM}: .ci/run must install it`);
    // The test runs the real build, so it checks what `npm run example:build` produces.
    execFileSync(process.execPath, [path.join(REPO, 'examples/storefront/build.mjs')], {
      cwd: REPO,
      stdio: 'pipe',
    });

    web = await serveStatic(DIST);
    const webOrigin = `http://127.0.0.1:${portOf(web)}`;
    db = await createTestDatabase();
    app = await createTestApp(db.url, { CORS_ORIGINS: webOrigin });
    await seedDemoStore(app.get(DataSource));
    await app.listen(0, '127.0.0.1');
    const apiOrigin = `http://127.0.0.1:${portOf(app.getHttpServer() as Server)}`;
    pageUrl = `${webOrigin}/?api=${encodeURIComponent(apiOrigin)}`;

    profileDir = mkdtempSync(path.join(os.tmpdir(), 'storefront-chromium-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    // Only the two local origins: nothing leaves the machine (the demo's image URLs included).
    await context.route('**/*', (route) =>
      [webOrigin, apiOrigin].includes(new URL(route.request().url()).origin)
        ? route.continue()
        : route.abort(),
    );
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    await new Promise((resolve) => (web ? web.close(resolve) : resolve(undefined)));
    await closeTestApp(app);
    await db?.drop();
  });

  const cardNames = () => page.getByTestId('product-card').locator('a.name').allTextContents();
  const text = async (testId: string) => (await page.getByTestId(testId).textContent())?.trim();

  it('shops as a guest, registers, checks out, and the order is in the database', async () => {
    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    try {
      // Products of the demo store, all of them.
      await page.goto(pageUrl);
      await page.getByTestId('product-card').first().waitFor();
      const active = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM products WHERE is_active`,
      );
      expect(await text('product-count')).toBe(`${active.rows[0].n} products`);
      expect(await cardNames()).toContain('Classic Cotton Tee');
      await page.getByText('Demo Store').first().waitFor();

      await page.screenshot({ path: path.join(os.tmpdir(), 'storefront-products.png') });

      // The category filter: only hoodies.
      const hoodies = DEMO_PRODUCTS.filter((p) => p.category === 'Hoodies').map((p) => p.name);
      await page.getByLabel('Category').selectOption('hoodies');
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.getByText(`${hoodies.length} products`, { exact: true }).waitFor();
      expect((await cardNames()).sort()).toEqual([...hoodies].sort());

      // And the search box within it.
      await page.getByPlaceholder('Search products').fill('zip');
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.getByText('1 products', { exact: true }).waitFor();
      expect(await cardNames()).toEqual(['Zip Hoodie']);

      // The product page: its variants with their prices.
      await page.getByRole('link', { name: /Zip Hoodie/ }).click();
      await page.getByRole('heading', { name: 'Zip Hoodie' }).waitFor();
      const zip = DEMO_PRODUCTS.find((p) => p.name === 'Zip Hoodie');
      const variants = page.getByTestId('variant');
      const shown: Array<Array<string | null>> = [];
      for (const variant of await variants.all()) {
        shown.push([
          await variant.locator('.variant-name').textContent(),
          await variant.locator('.price').textContent(),
        ]);
      }
      expect(shown.sort()).toEqual(
        (zip?.variants ?? []).map((v) => [v.name, `${demoPrice('Zip Hoodie', v.name)} USD`]).sort(),
      );

      // Two of one variant into the guest cart; the cart session is kept in localStorage.
      const variantName = zip?.variants[2].name ?? '';
      const unitPrice = demoPrice('Zip Hoodie', variantName);
      await variants
        .filter({ has: page.getByText(variantName, { exact: true }) })
        .locator('input')
        .check();
      await page.getByLabel('Quantity').fill('2');
      await page.getByTestId('add-to-cart').click();
      await page.getByText('Added. 2 item(s) in your cart.').waitFor();
      const session = await page.evaluate("localStorage.getItem('storefront.cartSession')");
      expect(session).toMatch(/^[A-Za-z0-9_-]{16,128}$/);
      await page.getByText('Cart (2)').waitFor();

      // The cart page shows the line and the subtotal.
      await page.getByRole('link', { name: 'View cart' }).click();
      await page.getByTestId('cart-line').first().waitFor();
      const lines = await page.getByTestId('cart-line').allInnerTexts();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`Zip Hoodie — ${variantName}`);
      const subtotal = formatMoney(parseMoney(unitPrice) * 2);
      expect(await text('cart-subtotal')).toBe(`${subtotal} USD`);

      // Register (the guest cart merges into the account), an address, the order.
      await page.getByTestId('go-checkout').click();
      const email = `shopper-${Date.now()}@example.com`;
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password (8+ characters)').fill('correct horse battery');
      await page.getByLabel('Full name').fill('Ada Shopper');
      await page.getByLabel('Phone').fill('+1 555 0100');
      await page.getByLabel('Street address').fill('1 Main Street');
      await page.getByLabel('City').fill('Springfield');
      await page.getByLabel('State / region').fill('IL');
      await page.getByLabel('Postal code').fill('62701');
      const checkout = page.waitForResponse((r) => r.url().endsWith('/api/stores/demo/checkout'));
      await page.getByTestId('place-order').click();
      const checkoutResponse = await checkout;
      expect(checkoutResponse.status()).toBe(201);
      expect(await checkoutResponse.request().headerValue('idempotency-key')).toBeTruthy();
      await page.getByTestId('order-number').waitFor();

      const orderNumber = await text('order-number');
      expect(orderNumber).toMatch(/^\d{6}\d{5,}$/);
      expect(await text('order-status')).toBe('pending');
      expect(await text('order-payment-status')).toBe('unpaid');
      const shownTotal = await text('order-total');
      expect(await page.getByTestId('order-line').allInnerTexts()).toEqual([
        expect.stringContaining(`Zip Hoodie — ${variantName}`),
      ]);
      // Registering sent the session, so the client forgot it; the header shows the customer.
      expect(await page.evaluate("localStorage.getItem('storefront.cartSession')")).toBeNull();
      await page.getByText(email).waitFor();
      await page.getByText('Cart (0)').waitFor();

      await page.screenshot({ path: path.join(os.tmpdir(), 'storefront-order.png'), fullPage: true });

      // The database has that order, for that customer, with that line and that total.
      const order = await sql.query<{
        id: string;
        email: string;
        status: string;
        subtotal: string;
        total: string;
      }>(
        `SELECT o.id, p.email, o.status, o.subtotal::text, o.total::text
           FROM orders o JOIN profiles p ON p.id = o.user_id WHERE o.order_number = $1`,
        [orderNumber],
      );
      expect(order.rows).toHaveLength(1);
      expect(order.rows[0]).toMatchObject({ email, status: 'pending', subtotal });
      expect(`${order.rows[0].total} USD`).toBe(shownTotal);
      const items = await sql.query<{
        product_name: string;
        variant_name: string;
        quantity: number;
        unit_price: string;
      }>(
        `SELECT product_name, variant_name, quantity, unit_price::text FROM order_items WHERE order_id = $1`,
        [order.rows[0].id],
      );
      expect(items.rows).toEqual([
        { product_name: 'Zip Hoodie', variant_name: variantName, quantity: 2, unit_price: unitPrice },
      ]);
      expect(pageErrors).toEqual([]);
    } finally {
      await sql.end();
    }
  }, 120_000);
});
