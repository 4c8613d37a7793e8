import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { AuthUser } from '../auth/auth.types';
import { CartService } from '../cart/cart.service';
import { CatalogPricingService } from '../catalog/catalog-pricing.service';
import { AppException } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { InjectAppConfig } from '../config/app-config.module';
import { inTransaction } from '../database/transactions';
import { DiscountsService } from '../discounts/discounts.service';
import { IdempotencyService, IdempotentResult, requestFingerprint } from '../idempotency/idempotency.service';
import { InsufficientStockException, InventoryService } from '../inventory/inventory.service';
import { OrderResponse } from '../orders/dto/order.dto';
import { OrderItem } from '../orders/entities/order-item.entity';
import { Order } from '../orders/entities/order.entity';
import { Payment } from '../payments/entities/payment.entity';
import { CheckoutDto, CheckoutResponse } from './dto/checkout.dto';
import { orderTotals } from './pricing';

/**
 * Turns the customer's cart into a pending order. One transaction: lock the cart, price it now,
 * take the discount use, snapshot the lines, hold the stock, record the store customer, empty the
 * cart, audit, and store the idempotent response. Any failure rolls all of it back.
 */
@Injectable()
export class CheckoutService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly carts: CartService,
    private readonly catalog: CatalogPricingService,
    private readonly inventory: InventoryService,
    private readonly discounts: DiscountsService,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
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
    return this.idempotency.execute(user.id, idempotencyKey, fingerprint, async (claim) => {
      // Taken outside the order's transaction: the month's counter row is then locked for one
      // statement, not for a whole checkout. A checkout that fails leaves a gap, never a duplicate.
      const [{ order_number: orderNumber }] = await this.dataSource.query<Array<{ order_number: string }>>(
        `SELECT generate_order_number() AS order_number`,
      );
      const body = await inTransaction(this.dataSource, async (tx) => {
        const response = await this.placeOrder(tx, storeSlug, user, dto, orderNumber, meta);
        await claim.complete(tx, { status: 201, body: response });
        return response;
      });
      return { status: 201, body };
    });
  }

  private async placeOrder(
    tx: EntityManager,
    storeSlug: string,
    user: AuthUser,
    dto: CheckoutDto,
    orderNumber: string,
    meta: RequestMeta,
  ): Promise<CheckoutResponse> {
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

    const address = await tx.query<Array<{ id: string }>>(`SELECT id FROM addresses WHERE id = $1 AND user_id = $2`, [
      dto.shippingAddressId,
      user.id,
    ]);
    if (address.length === 0) throw new AppException(404, 'ADDRESS_NOT_FOUND', 'Shipping address not found');

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
    const subtotal = lines.reduce((sum, l) => sum + (priced.get(l.variant_id)?.unitPrice ?? 0) * l.quantity, 0);
    const applied = dto.discountCode ? await this.discounts.consume(tx, store.id, dto.discountCode, subtotal) : null;
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
        paymentMethod: 'manual',
        notes: dto.notes ?? null,
      }),
    );
    await tx.getRepository(OrderItem).insert(
      lines.map((l) => {
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
      }),
    );
    const holdUntil = new Date(Date.now() + this.config.reservationTtlMinutes * 60_000);
    await this.inventory.reserve(
      tx,
      order.id,
      lines.map((l) => ({ variantId: l.variant_id, quantity: l.quantity })),
      holdUntil,
    );
    await tx.query(
      `INSERT INTO store_customers (store_id, profile_id) VALUES ($1, $2)
       ON CONFLICT (store_id, profile_id) DO UPDATE SET updated_at = now()`,
      [store.id, user.id],
    );
    await tx.getRepository(Payment).insert({
      orderId: order.id,
      provider: 'manual',
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

    const full = await tx
      .getRepository(Order)
      .findOneOrFail({ where: { id: order.id }, relations: { items: true, shippingAddress: true } });
    return { order: OrderResponse.from(full), payment: { provider: 'manual', status: 'pending' } };
  }
}
