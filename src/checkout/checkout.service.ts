import { Injectable } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { AuthUser } from '../auth/auth.types';
import { CartService } from '../cart/cart.service';
import { CatalogPricingService } from '../catalog/catalog-pricing.service';
import { parseMoney } from '../common/money';
import { AppException, ErrorBody } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { InjectAppConfig } from '../config/app-config.module';
import { Address } from '../customers/entities/address.entity';
import { Semaphore } from '../common/semaphore';
import { DEFAULT_POOL_SIZE } from '../database/data-source-options';
import { queryPrepared } from '../database/prepared-query';
import { inTransaction } from '../database/transactions';
import { DiscountsService } from '../discounts/discounts.service';
import {
  IdempotencyClaim,
  IdempotencyService,
  IdempotentResult,
  requestFingerprint,
  StoredResponse,
} from '../idempotency/idempotency.service';
import {
  InsufficientStockException,
  InventoryService,
  ReservationLine,
} from '../inventory/inventory.service';
import { OrderResponse } from '../orders/dto/order.dto';
import { OrderItem } from '../orders/entities/order-item.entity';
import { Order } from '../orders/entities/order.entity';
import { OrdersService } from '../orders/orders.service';
import { Payment } from '../payments/entities/payment.entity';
import {
  PaymentProvider,
  PaymentProviderError,
  PaymentProviderException,
} from '../payments/providers/payment-provider';
import { PaymentProviders } from '../payments/providers/payment-providers';
import { CheckoutDto, CheckoutResponse } from './dto/checkout.dto';
import { orderTotals } from './pricing';

/**
 * Turns the customer's cart into a pending order. One transaction: lock the cart, price it now,
 * take the discount use, snapshot the lines, hold the stock, record the store customer, empty the
 * cart, audit. Any failure rolls all of it back. Then the payment is opened with the active provider:
 *
 * - local provider (manual): inside that same transaction, which also stores the idempotent response,
 *   so "order placed" and "response stored" are one commit;
 * - remote provider (Stripe): after the commit, with no transaction open (no lock is held across the
 *   HTTP call). On success a second transaction saves the provider's reference and stores the final
 *   response (with the client secret). On failure or timeout a second transaction cancels the order
 *   (stock and discount use given back, payment `failed`, audited) and stores the 502 under the
 *   Idempotency-Key: the same key replays the 502, as Stripe does for a request that started
 *   executing; the cart was emptied by the cancelled order, so the customer refills it and checks
 *   out with a new key. A process that dies between the two transactions leaves a pending order whose
 *   stock the reservation sweeper releases, and a claim a retry takes over after a minute.
 */
/**
 * Checkouts one process runs against the database at once: fewer than the pool's connections, so that
 * a burst of checkouts leaves connections to everything else (catalog pages, carts). A checkout is
 * database-bound, and more of them at once mostly contend: `npm run bench:checkout` on the 2-core
 * reference machine gave 86.5 / 93.1 / 84.0 checkouts per second and a hot-SKU p99 of 677 / 649 / 704 ms
 * with 2 / 4 / 8. Kept below the pool size whatever that is.
 */
export const CHECKOUT_CONCURRENCY = Math.min(4, DEFAULT_POOL_SIZE - 2);

@Injectable()
export class CheckoutService {
  private readonly admission = new Semaphore(CHECKOUT_CONCURRENCY);

  constructor(
    private readonly dataSource: DataSource,
    private readonly carts: CartService,
    private readonly catalog: CatalogPricingService,
    private readonly inventory: InventoryService,
    private readonly discounts: DiscountsService,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly orders: OrdersService,
    private readonly payments: PaymentProviders,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  async checkout(
    storeSlug: string,
    user: AuthUser,
    dto: CheckoutDto,
    idempotencyKey: string | undefined,
    meta: RequestMeta,
  ): Promise<IdempotentResult<CheckoutResponse>> {
    if (!idempotencyKey) {
      throw new AppException(400, 'IDEMPOTENCY_KEY_REQUIRED', 'The Idempotency-Key header is required');
    }
    const fingerprint = requestFingerprint('POST', `/api/stores/${storeSlug}/checkout`, dto);
    // Checkouts of this process go through the database a few at a time, each from its first read to
    // its commit, instead of all interleaved: when hundreds of buyers of a popular variant arrive at
    // once, the later ones then read the stock after the earlier ones committed, and the stock check
    // below refuses them after two reads instead of after a whole checkout rolled back.
    const leave = await this.admission.acquire();
    try {
      const known = await this.idempotency.peek<CheckoutResponse>(user.id, idempotencyKey, fingerprint);
      if (typeof known === 'object') return known;
      // A new request whose cart the stock cannot cover is refused before anything is written. The
      // reservation in the transaction below stays the authority; this only answers early.
      if (known === 'absent') await this.refuseUncoverableCart(storeSlug, user.id);
      // A duplicate waiting for the first request's answer must not hold a slot meanwhile.
      else leave();
      return await this.idempotency.execute(
        user.id,
        idempotencyKey,
        fingerprint,
        (claim) => this.placeAndOpenPayment(claim, storeSlug, user, dto, meta, leave),
        { beforeWaiting: leave },
      );
    } finally {
      leave();
    }
  }

  /**
   * The claimed checkout: order number, the order's transaction, then the payment. `leaveAdmission`
   * is called once the database work is committed (a remote provider's HTTP call happens outside it).
   */
  private async placeAndOpenPayment(
    claim: IdempotencyClaim,
    storeSlug: string,
    user: AuthUser,
    dto: CheckoutDto,
    meta: RequestMeta,
    leaveAdmission: () => void,
  ): Promise<StoredResponse<CheckoutResponse>> {
    // Taken outside the order's transaction: the month's counter row is then locked for one
    // statement, not for a whole checkout. A checkout that fails leaves a gap, never a duplicate.
    const [{ order_number: orderNumber }] = await this.dataSource.query<Array<{ order_number: string }>>(
      `SELECT generate_order_number() AS order_number`,
    );
    const provider = this.payments.active();
    const placed = await inTransaction(this.dataSource, async (tx) => {
      // The key's claim first, in this transaction: it commits with the order or vanishes with it
      // (a rollback, a connection lost to an outage), so a retry never finds a dead attempt's claim.
      await claim.take(tx);
      const { response, lines } = await this.writeOrder(
        tx,
        storeSlug,
        user,
        dto,
        orderNumber,
        provider.name,
        meta,
      );
      if (!provider.remote) {
        await provider.open(paymentInput(response));
        await claim.complete(tx, { status: 201, body: response });
      }
      // Stock last: its row locks are what concurrent buyers of a popular variant queue on, so they are
      // taken as late as possible and held only until the commit that follows (if the hold fails, the
      // transaction rolls back, the stored response with it).
      const holdUntil = new Date(Date.now() + this.config.reservationTtlMinutes * 60_000);
      await this.inventory.reserve(tx, response.order.id, lines, holdUntil);
      return response;
    });
    leaveAdmission();
    const body = provider.remote ? await this.openRemotePayment(provider, placed, claim, meta) : placed;
    return { status: 201, body };
  }

  /** 409 INSUFFICIENT_STOCK when the customer's cart asks for more than is available now (one read). */
  private async refuseUncoverableCart(storeSlug: string, userId: string): Promise<void> {
    const short = await queryPrepared<{ variant_id: string; requested: number; available: number }>(
      this.dataSource,
      'checkout_uncoverable_lines',
      `SELECT ci.variant_id, ci.quantity AS requested, greatest(coalesce(i.quantity - i.reserved, 0), 0) AS available
         FROM carts c
         JOIN stores s ON s.id = c.store_id
         JOIN cart_items ci ON ci.cart_id = c.id
         LEFT JOIN inventory i ON i.variant_id = ci.variant_id
        WHERE s.slug = $1 AND c.user_id = $2
          AND ci.quantity > greatest(coalesce(i.quantity - i.reserved, 0), 0)
        ORDER BY ci.variant_id`,
      [storeSlug, userId],
    );
    if (short.length > 0) {
      throw new InsufficientStockException(
        short.map((r) => ({ variantId: r.variant_id, requested: r.requested, available: r.available })),
      );
    }
  }

  /** Opens the payment with a remote provider, outside any transaction; see the class comment. */
  private async openRemotePayment(
    provider: PaymentProvider,
    placed: CheckoutResponse,
    claim: IdempotencyClaim,
    meta: RequestMeta,
  ): Promise<CheckoutResponse> {
    const orderId = placed.order.id;
    try {
      const opened = await provider.open(paymentInput(placed));
      const response: CheckoutResponse = {
        ...placed,
        payment: { provider: provider.name, status: 'pending', clientSecret: opened.clientSecret },
      };
      await inTransaction(this.dataSource, async (tx) => {
        await tx
          .getRepository(Payment)
          .update({ orderId, provider: provider.name }, { providerRef: opened.providerRef });
        await tx.getRepository(Order).update({ id: orderId }, { paymentIntentId: opened.providerRef });
        await this.audit.record(tx, meta, {
          action: 'payment.opened',
          entityType: 'order',
          entityId: orderId,
          storeId: placed.order.storeId,
          details: { provider: provider.name, providerRef: opened.providerRef },
        });
        await claim.complete(tx, { status: 201, body: response });
      });
      return response;
    } catch (error) {
      if (!(error instanceof PaymentProviderError)) throw error;
      const failure = new PaymentProviderException(
        'The payment provider could not be reached; the order was cancelled and nothing is held',
        { provider: provider.name, orderId },
      );
      await inTransaction(this.dataSource, async (tx) => {
        const order = await this.orders.findLocked(tx, orderId);
        if (order) {
          await this.orders.failPayment(tx, order, meta, 'order.payment_provider_error', {
            provider: provider.name,
            reason: error.reason,
          });
        }
        await claim.complete(tx, { status: 502, body: errorBody(failure) });
      });
      throw failure;
    }
  }

  /** Everything of the order but the stock hold, which the caller takes last; see placeAndOpenPayment. */
  private async writeOrder(
    tx: EntityManager,
    storeSlug: string,
    user: AuthUser,
    dto: CheckoutDto,
    orderNumber: string,
    providerName: PaymentProvider['name'],
    meta: RequestMeta,
  ): Promise<{ response: CheckoutResponse; lines: ReservationLine[] }> {
    const store = await this.carts.requireStore(storeSlug, tx);
    const cartId = await this.carts.findCartId(tx, store.id, { kind: 'user', userId: user.id });
    // Lock the cart: two checkouts of one cart (different keys) run one after the other, and the
    // second finds it empty.
    if (cartId) await tx.query(`SELECT id FROM carts WHERE id = $1 FOR UPDATE`, [cartId]);
    const lines = cartId
      ? await tx.query<Array<{ variant_id: string; quantity: number }>>(
          `SELECT variant_id, quantity FROM cart_items WHERE cart_id = $1 ORDER BY created_at, id`,
          [cartId],
        )
      : [];
    if (!cartId || lines.length === 0) throw new AppException(409, 'CART_EMPTY', 'The cart is empty');

    const address = await tx
      .getRepository(Address)
      .findOne({ where: { id: dto.shippingAddressId, userId: user.id } });
    if (!address) throw new AppException(404, 'ADDRESS_NOT_FOUND', 'Shipping address not found');

    const priced = await this.catalog.priceVariants(
      store.id,
      lines.map((l) => l.variant_id),
      tx,
    );
    const unavailable = lines.filter((l) => !priced.get(l.variant_id)?.purchasable);
    if (unavailable.length > 0) {
      throw new InsufficientStockException(
        unavailable.map((l) => ({ variantId: l.variant_id, requested: l.quantity, available: 0 })),
      );
    }
    const subtotal = lines.reduce(
      (sum, l) => sum + (priced.get(l.variant_id)?.unitPrice ?? 0) * l.quantity,
      0,
    );
    const applied = dto.discountCode
      ? await this.discounts.consume(tx, store.id, dto.discountCode, subtotal)
      : null;
    const totals = orderTotals(subtotal, applied?.amount ?? 0, store.taxRate, store.shippingFlat);

    const order = await tx.getRepository(Order).save(
      tx.getRepository(Order).create({
        storeId: store.id,
        userId: user.id,
        orderNumber,
        status: 'pending',
        paymentStatus: 'unpaid',
        currency: store.currency,
        ...totals,
        shippingAddressId: dto.shippingAddressId,
        discountId: applied?.discount.id ?? null,
        discountCode: applied ? dto.discountCode : null,
        paymentMethod: providerName,
        notes: dto.notes ?? null,
      }),
    );
    const items = lines.map((l) => {
      const v = priced.get(l.variant_id);
      if (!v) throw new Error('unreachable: priced above');
      return {
        orderId: order.id,
        productId: v.productId,
        variantId: v.variantId,
        productName: v.productName,
        variantName: v.variantName,
        sku: v.sku,
        quantity: l.quantity,
        unitPrice: v.unitPrice,
        totalPrice: v.unitPrice * l.quantity,
      };
    });
    await tx.getRepository(OrderItem).insert(items);
    await tx.query(
      `INSERT INTO store_customers (store_id, profile_id) VALUES ($1, $2)
       ON CONFLICT (store_id, profile_id) DO UPDATE SET updated_at = now()`,
      [store.id, user.id],
    );
    await tx.getRepository(Payment).insert({
      orderId: order.id,
      provider: providerName,
      amount: totals.total,
      currency: store.currency,
      status: 'pending',
    });
    await this.carts.clear(tx, cartId);
    await this.audit.record(tx, meta, {
      action: 'order.created',
      entityType: 'order',
      entityId: order.id,
      storeId: store.id,
      details: { orderNumber, total: totals.total, lines: lines.length, discountCode: order.discountCode },
    });

    // The response from what this transaction wrote, not a re-read: every line was inserted by one
    // statement, so they share the order's timestamp, as a re-read would show them.
    const full: Order = {
      ...order,
      items: items.map((item) => ({ ...item, createdAt: order.createdAt }) as OrderItem),
      shippingAddress: address,
    };
    return {
      response: { order: OrderResponse.from(full), payment: { provider: providerName, status: 'pending' } },
      lines: lines.map((l) => ({ variantId: l.variant_id, quantity: l.quantity })),
    };
  }
}

function paymentInput(placed: CheckoutResponse): { orderId: string; amount: number; currency: string } {
  return {
    orderId: placed.order.id,
    amount: parseMoney(placed.order.total),
    currency: placed.order.currency,
  };
}

/** The body the exception filter sends for `exception`, to store and replay under the key. */
function errorBody(exception: AppException): ErrorBody {
  const status = exception.getStatus();
  return {
    statusCode: status,
    error: STATUS_CODES[status] ?? 'Error',
    message: exception.message,
    code: exception.code,
    ...(exception.details !== undefined && { details: exception.details }),
  };
}
