import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, FindOptionsWhere, In, Repository } from 'typeorm';
import { ADMIN_ROLES, AuthUser } from '../auth/auth.types';
import { Permission } from '../auth/permissions';
import { roleAllows } from '../auth/role-permissions';
import { AppException } from '../common/errors';
import { Order } from './entities/order.entity';
import { hashOrderToken, ORDER_TOKEN_PATTERN } from './order-token';
import { orderNotFound } from './order-errors';

/** Who asks for an order: a signed-in user, the holder of a guest's order token (`X-Order-Token`), or both. */
export interface OrderReader {
  user?: AuthUser;
  orderToken?: string;
}

export interface OrderAccessOptions {
  /** Admins reach every order (reads); false for what only the buyer may do (cancel, return). */
  admin?: boolean;
}

/**
 * The one check of "may this caller see or act on this order": its owner (customer), an admin (when the
 * route allows), or whoever holds the guest's order token. Anything else is 404 ORDER_NOT_FOUND, exactly
 * as an unknown id: a wrong token never tells that the order exists. The check is the lookup's WHERE
 * clause, so it costs no extra statement. 401 when the caller brings neither a token nor an order token.
 */
@Injectable()
export class OrderAccess {
  constructor(@InjectRepository(Order) private readonly orders: Repository<Order>) {}

  /** The order (with `items`) if the reader may see it; 404 otherwise. */
  async find(id: string, reader: OrderReader, options: OrderAccessOptions = {}): Promise<Order> {
    const order = await this.orders.findOne({
      where: this.where(id, reader, options),
      relations: { items: true },
    });
    if (!order) throw orderNotFound();
    return order;
  }

  /** The order row locked for the caller's transaction if the reader may act on it; 404 otherwise. */
  async lock(
    tx: EntityManager,
    id: string,
    reader: OrderReader,
    options: OrderAccessOptions = {},
  ): Promise<Order> {
    const order = await tx.withRepository(this.orders).findOne({
      where: this.where(id, reader, options),
      lock: { mode: 'pessimistic_write' },
    });
    if (!order) throw orderNotFound();
    return order;
  }

  /** True when the reader is an admin and the route lets admins in (their view shows metadata). */
  isAdmin(reader: OrderReader, options: OrderAccessOptions = {}): boolean {
    return options.admin === true && reader.user !== undefined && ADMIN_ROLES.includes(reader.user.role);
  }

  private where(id: string, reader: OrderReader, options: OrderAccessOptions): FindOptionsWhere<Order>[] {
    if (!reader.user && reader.orderToken === undefined) {
      throw new AppException(401, 'UNAUTHORIZED', 'Sign in, or send the X-Order-Token of your guest order');
    }
    if (this.isAdmin(reader, options)) {
      // Store staff read the orders of the stores where their role may (API.md, "Store staff").
      if (reader.user?.role === 'super_admin') return [{ id }];
      const stores = (reader.user?.memberships ?? [])
        .filter((m) => roleAllows(m.role, Permission.OrdersRead))
        .map((m) => m.storeId);
      if (stores.length > 0)
        return [{ id, storeId: In(stores) }, ...(reader.user ? [{ id, userId: reader.user.id }] : [])];
    }
    const where: FindOptionsWhere<Order>[] = [];
    if (reader.user) where.push({ id, userId: reader.user.id });
    // A malformed token matches nothing (no hashing of arbitrary input, same 404 as a wrong one).
    if (reader.orderToken !== undefined && ORDER_TOKEN_PATTERN.test(reader.orderToken)) {
      where.push({ id, orderTokenHash: hashOrderToken(reader.orderToken) });
    }
    // Only a malformed token was sent: no row can match.
    return where.length > 0 ? where : [{ id, orderTokenHash: '-' }];
  }
}
