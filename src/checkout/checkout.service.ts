import { Injectable } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { CartOwner, CartService } from '../cart/cart.service';
import { ActiveStore, CatalogPricingService } from '../catalog/catalog-pricing.service';
import { Money, parseMoney } from '../common/money';
import { AppException, ErrorBody } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { InjectAppConfig } from '../config/app-config.module';
import { AddressesService } from '../customers/addresses.service';
import { StoreCustomerRegistry } from '../customers/store-customer-registry.service';
import { Semaphore } from '../common/semaphore';
import { DEFAULT_POOL_SIZE } from '../database/data-source-options';
import { allInOrder } from '../database/pipelining';
import { commitWith, inTransaction } from '../database/transactions';
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
import { OrderPlacement } from '../orders/order-placement.service';
import { hashOrderToken, newOrderToken } from '../orders/order-token';
import { ShippingAddressSnapshot, snapshotOf } from '../orders/shipping-address';
import { ORDER_GUARDS } from '../orders/order-state-machine';
import { OrdersService } from '../orders/orders.service';
import { PaymentOutcomes } from '../orders/payment-outcomes.service';
import { PaymentsService } from '../payments/payments.service';
import { CheckoutShippingMethod, ShippingService } from '../shipping/shipping.service';
import { moneyUnitOf } from '../stores/currencies';
import { TaxService } from '../tax/tax.service';
import {
  PaymentProvider,
  PaymentProviderError,
  PaymentProviderException,
} from '../payments/providers/payment-provider';
import { CheckoutDto, CheckoutResponse } from './dto/checkout.dto';
import { buyerOf, CheckoutBuyer, CheckoutCaller } from './checkout-buyer';
import { checkoutMoney, MoneyCartLine } from './checkout-money';
import { OrderTokenSealer } from './order-token-sealer';

/**
 * Turns the customer's cart into a pending order. One transaction, each step asked of the module that
 * owns it: lock the cart's lines (cart), price them now (catalog), take the discount use (discounts),
 * place the order (orders), record the store customer (customers), open the payment row (payments),
 * empty the cart, hold the stock (inventory). Any failure rolls all of it back. Then the payment is
 * opened with the active provider:
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

/** How much longer than the provider's timeout a checkpointed checkout is left to its own request. */
const RESUME_MARGIN_MS = 2_000;

/** A checkout's place in the admission queue; `leave` is idempotent, so any step may give it back. */
interface AdmissionSlot {
  leave(): void;
}

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
    private readonly addresses: AddressesService,
    private readonly storeCustomers: StoreCustomerRegistry,
    private readonly orders: OrdersService,
    private readonly placement: OrderPlacement,
    private readonly outcomes: PaymentOutcomes,
    private readonly payments: PaymentsService,
    private readonly orderTokens: OrderTokenSealer,
    private readonly shipping: ShippingService,
    private readonly tax: TaxService,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  async checkout(
    storeSlug: string,
    caller: CheckoutCaller,
    dto: CheckoutDto,
    idempotencyKey: string | undefined,
    meta: RequestMeta,
  ): Promise<IdempotentResult<CheckoutResponse>> {
    const buyer = buyerOf(caller, dto);
    if (!idempotencyKey) {
      throw new AppException(400, 'IDEMPOTENCY_KEY_REQUIRED', 'The Idempotency-Key header is required');
    }
    const result = await this.checkoutOnce(storeSlug, buyer, dto, idempotencyKey, meta);
    return { ...result, body: this.orderTokens.reveal(result.body) };
  }

  private async checkoutOnce(
    storeSlug: string,
    buyer: CheckoutBuyer,
    dto: CheckoutDto,
    idempotencyKey: string,
    meta: RequestMeta,
  ): Promise<IdempotentResult<CheckoutResponse>> {
    const fingerprint = requestFingerprint('POST', `/api/stores/${storeSlug}/checkout`, dto);
    // Checkouts of this process go through the database a few at a time, each from its first read to
    // its commit, instead of all interleaved: when hundreds of buyers of a popular variant arrive at
    // once, the later ones then read the stock after the earlier ones committed, and the stock check
    // below refuses them after two reads instead of after a whole checkout rolled back.
    return this.admitted(async (slot) => {
      // The key and the store read at once (two pooled connections, one wait): a replay ignores the
      // store, and an unknown store only counts once the key is not a replay.
      const peeked = this.idempotency.peek<CheckoutResponse>(buyer.scope, idempotencyKey, fingerprint);
      const storeRead = this.requireStore(storeSlug);
      storeRead.catch(() => undefined);
      const known = await peeked;
      if (typeof known === 'object') return known;
      // A new request whose cart the stock cannot cover is refused before anything is written. The
      // reservation in the transaction below stays the authority; this only answers early.
      if (known === 'absent') await this.refuseEarly(await storeRead, buyer.cart, dto);
      // A duplicate waiting for the first request's answer must not hold a slot meanwhile.
      else slot.leave();
      return this.idempotency.execute(
        buyer.scope,
        idempotencyKey,
        fingerprint,
        async (claim) => this.placeAndOpenPayment(claim, await storeRead, buyer, dto, meta, slot),
        {
          beforeWaiting: () => slot.leave(),
          // A retry of a checkout whose process died while opening the payment finishes it from the
          // committed order, once the owner's provider call must have ended (its timeout, a margin).
          resume: {
            afterMs: this.config.stripeTimeoutMs + RESUME_MARGIN_MS,
            run: async (claim, placed) => ({
              status: 201,
              body: await this.resumePayment(placed, claim, meta),
            }),
          },
        },
      );
    });
  }

  /** Runs `work` holding an admission slot, which is given back once: by `work`, or at the end. */
  private async admitted<T>(work: (slot: AdmissionSlot) => Promise<T>): Promise<T> {
    const leave = await this.admission.acquire();
    try {
      return await work({ leave });
    } finally {
      leave();
    }
  }

  /**
   * The claimed checkout: order number, the order's transaction, then the payment. The admission slot
   * is given back once the database work is committed (a remote provider's HTTP call happens outside it).
   */
  private async placeAndOpenPayment(
    claim: IdempotencyClaim,
    store: ActiveStore,
    buyer: CheckoutBuyer,
    dto: CheckoutDto,
    meta: RequestMeta,
    slot: AdmissionSlot,
  ): Promise<StoredResponse<CheckoutResponse>> {
    // Outside the order's transaction (see nextOrderNumber).
    const orderNumber = await this.placement.nextOrderNumber();
    const provider = this.payments.activeProvider();
    const placed = await inTransaction(this.dataSource, async (tx) => {
      const { order, response, lines } = await this.placeOrder(
        tx,
        claim,
        store,
        buyer,
        dto,
        orderNumber,
        provider,
        meta,
      );
      if (!provider.remote) await provider.open(paymentInput(response));
      // Sent together (pipelining.ts), the COMMIT right behind them (commitWith): the payment row; the
      // stored response, or for a remote provider the checkpoint a retry finishes from (the order
      // commits before the remote call); then the stock. Stock last: its row locks are what concurrent
      // buyers of a popular variant queue on, so they are taken as late as possible and held only for
      // the commit (a hold that fails aborts the transaction, and the COMMIT becomes a ROLLBACK). The
      // claim is this transaction's own row (taken above): no other request can have answered it, so
      // complete's guard cannot fire behind the COMMIT.
      const holdUntil = new Date(Date.now() + this.config.reservationTtlMinutes * 60_000);
      await commitWith(
        tx,
        allInOrder([
          this.payments.recordPending(tx, {
            orderId: order.id,
            provider: provider.name,
            amount: order.total,
            currency: order.currency,
          }),
          provider.remote
            ? claim.checkpoint(tx, response)
            : claim.complete(tx, { status: 201, body: response }),
          this.inventory.reserve(tx, order.id, lines, holdUntil),
        ]),
      );
      return response;
    });
    slot.leave();
    const body = provider.remote ? await this.openRemotePayment(provider, placed, claim, meta) : placed;
    return { status: 201, body };
  }

  private async requireStore(storeSlug: string): Promise<ActiveStore> {
    return this.carts.requireStore(storeSlug, this.dataSource.manager);
  }

  /**
   * 409 INSUFFICIENT_STOCK when the buyer's cart asks for more than is available now (read without
   * locks), 400 SHIPPING_METHOD_REQUIRED when the store has shipping methods and none was chosen (both
   * reads at once, on two connections).
   */
  private async refuseEarly(store: ActiveStore, cart: CartOwner, dto: CheckoutDto): Promise<void> {
    const [short, needsMethod] = await Promise.all([
      this.carts.peekLines(store.id, cart).then((lines) => this.inventory.shortfalls(lines)),
      dto.shippingMethodId === undefined
        ? this.shipping.storeHasActiveMethods(this.dataSource.manager, store.id)
        : false,
    ]);
    if (short.length > 0) throw new InsufficientStockException(short);
    if (needsMethod) throw shippingMethodRequired();
  }

  /**
   * Finishes a checkout from its checkpoint (the committed order): opens its payment, unless the order
   * stopped waiting for one meanwhile (the sweeper cancelled it), which is then the answer.
   */
  private async resumePayment(
    placed: CheckoutResponse,
    claim: IdempotencyClaim,
    meta: RequestMeta,
  ): Promise<CheckoutResponse> {
    const order = await this.orders.findById(placed.order.id);
    if (!order || !ORDER_GUARDS.awaitingPayment(order)) {
      const gone = new AppException(
        409,
        'INVALID_TRANSITION',
        'The order of this checkout was cancelled before its payment could be opened',
        { orderId: placed.order.id },
      );
      await claim.complete(this.dataSource.manager, { status: 409, body: errorBody(gone) });
      throw gone;
    }
    return this.openRemotePayment(this.payments.activeProvider(), placed, claim, meta);
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
        await this.payments.attachProviderRef(tx, orderId, provider.name, opened);
        await this.placement.recordPaymentIntent(tx, orderId, opened.providerRef);
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
          await this.outcomes.failPayment(tx, order, meta, 'order.payment_provider_error', {
            provider: provider.name,
            reason: error.reason,
          });
        }
        await claim.complete(tx, { status: 502, body: errorBody(failure) });
      });
      throw failure;
    }
  }

  /**
   * claim the key, lock the lines, read the address → price, tax, shipping method → discount → place,
   * record the customer, empty the cart. Everything of the order but the payment row and the stock
   * hold, which the caller sends last; see placeAndOpenPayment. Statements that do not need each
   * other's answers are sent together (pipelining.ts), in the order they are listed here.
   */
  private async placeOrder(
    tx: EntityManager,
    claim: IdempotencyClaim,
    store: ActiveStore,
    buyer: CheckoutBuyer,
    dto: CheckoutDto,
    orderNumber: string,
    provider: PaymentProvider,
    meta: RequestMeta,
  ): Promise<{
    order: { id: string; total: Money; currency: string };
    response: CheckoutResponse;
    lines: ReservationLine[];
  }> {
    const [, { cartId, lines }, destination] = await allInOrder([
      // The key's claim first, in this transaction: it commits with the order or vanishes with it
      // (a rollback, a connection lost to an outage), so a retry never finds a dead attempt's claim.
      claim.take(tx),
      this.carts.lockLines(tx, store.id, buyer.cart).then((cart) => {
        if (!cart || cart.lines.length === 0) throw new AppException(409, 'CART_EMPTY', 'The cart is empty');
        return cart;
      }),
      this.destinationOf(tx, buyer, dto),
    ]);
    const { address } = destination;

    // Before the discount's row lock (a popular code is a hot row): these reads do not need it.
    const [placedLines, tax, shippingMethod] = await allInOrder([
      this.price(tx, store.id, lines),
      this.tax.ratesFor(tx, store.id, { country: address.country, region: address.state }),
      this.shippingMethodFor(tx, store, dto, address.country),
    ]);
    const subtotal = placedLines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
    const applied = dto.discountCode
      ? await this.discounts.consume(tx, store.id, dto.discountCode, subtotal)
      : null;
    // A currency without minor digits never gets a fraction of its unit off.
    const unit = moneyUnitOf(store.currency);
    const discount = Math.floor((applied?.amount ?? 0) / unit) * unit;
    const shipping = shippingMethod.price({
      subtotalMinor: subtotal - discount,
      totalWeightGrams: placedLines.reduce((sum, l) => sum + l.weightGrams * l.quantity, 0),
    });
    const money = checkoutMoney({ currency: store.currency, lines: placedLines, discount, shipping, tax });
    // A guest's order token: handed out once, in the response; the order keeps its hash only.
    const orderToken = buyer.kind === 'guest' ? newOrderToken() : undefined;

    const [order] = await allInOrder([
      this.placement.place(
        tx,
        {
          storeId: store.id,
          buyer:
            buyer.kind === 'customer'
              ? { kind: 'customer', userId: buyer.user.id, email: buyer.user.email }
              : { kind: 'guest', email: buyer.email, orderTokenHash: hashOrderToken(orderToken as string) },
          orderNumber,
          currency: store.currency,
          totals: money.totals,
          shippingAddress: destination.address,
          shippingAddressId: destination.addressBookId,
          shippingMethodId: dto.shippingMethodId ?? null,
          discount: applied && dto.discountCode ? { id: applied.discount.id, code: dto.discountCode } : null,
          paymentMethod: provider.name,
          notes: dto.notes ?? null,
          lines: money.lines,
        },
        meta,
      ),
      buyer.kind === 'customer' ? this.storeCustomers.register(tx, store.id, buyer.user.id) : undefined,
      this.carts.clear(tx, cartId),
    ]);
    const response: CheckoutResponse = {
      order: OrderResponse.from(order),
      payment: { provider: provider.name, status: 'pending' },
    };
    // Stored (and replayed) under the Idempotency-Key sealed; `checkout` opens it for the answer.
    if (orderToken !== undefined) response.orderToken = this.orderTokens.seal(orderToken);
    return { order, response, lines };
  }

  /**
   * Where the order ships: one of the customer's addresses (404 ADDRESS_NOT_FOUND otherwise), or the
   * address sent inline. Either way the order gets its own copy.
   */
  private async destinationOf(
    tx: EntityManager,
    buyer: CheckoutBuyer,
    dto: CheckoutDto,
  ): Promise<{ address: ShippingAddressSnapshot; addressBookId: string | null }> {
    if (dto.shippingAddress) return { address: snapshotOf(dto.shippingAddress), addressBookId: null };
    const userId = buyer.kind === 'customer' ? buyer.user.id : null;
    const address =
      userId && dto.shippingAddressId
        ? await this.addresses.findOwned(tx, userId, dto.shippingAddressId)
        : null;
    if (!address) throw new AppException(404, 'ADDRESS_NOT_FOUND', 'Shipping address not found');
    return { address: snapshotOf(address), addressBookId: address.id };
  }

  /**
   * How the order ships: the chosen method, read for the destination and priced once the cart's
   * amounts are known (409 SHIPPING_UNAVAILABLE, checked here in the order's transaction); without a
   * method, the store's flat fee, unless the store has methods (400 SHIPPING_METHOD_REQUIRED; usually
   * refused earlier, see refuseEarly).
   */
  private async shippingMethodFor(
    tx: EntityManager,
    store: ActiveStore,
    dto: CheckoutDto,
    country: string,
  ): Promise<CheckoutShippingMethod> {
    if (dto.shippingMethodId !== undefined) {
      return this.shipping.checkoutMethod(tx, { storeId: store.id, methodId: dto.shippingMethodId, country });
    }
    if (await this.shipping.storeHasActiveMethods(tx, store.id)) throw shippingMethodRequired();
    return { price: () => store.shippingFlat };
  }

  /** The cart's lines priced now; 409 INSUFFICIENT_STOCK for any that can no longer be bought. */
  private async price(
    tx: EntityManager,
    storeId: string,
    lines: ReservationLine[],
  ): Promise<Array<MoneyCartLine & { weightGrams: number }>> {
    const priced = await this.catalog.priceVariants(
      storeId,
      lines.map((l) => l.variantId),
      tx,
    );
    const unavailable = lines.filter((l) => !priced.get(l.variantId)?.purchasable);
    if (unavailable.length > 0) {
      throw new InsufficientStockException(
        unavailable.map((l) => ({ variantId: l.variantId, requested: l.quantity, available: 0 })),
      );
    }
    return lines.map((l) => {
      const v = priced.get(l.variantId);
      if (!v) throw new Error('unreachable: priced above');
      return {
        productId: v.productId,
        variantId: v.variantId,
        productName: v.productName,
        variantName: v.variantName,
        sku: v.sku,
        unitPrice: v.unitPrice,
        quantity: l.quantity,
        taxClass: v.taxClass,
        weightGrams: v.weightGrams,
      };
    });
  }
}

function shippingMethodRequired(): AppException {
  return new AppException(
    400,
    'SHIPPING_METHOD_REQUIRED',
    'This store ships with shipping methods: choose one (shippingMethodId, see the cart’s shipping-options)',
  );
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
