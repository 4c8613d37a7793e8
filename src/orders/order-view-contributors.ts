import { Injectable } from '@nestjs/common';
import { OrderFulfillmentResponse, OrderReturnResponse } from './dto/order-fulfilment.dto';

/** What other modules add to the order detail (GET /orders/:id). */
export interface OrderViewExtras {
  fulfillments: OrderFulfillmentResponse[];
  returns: OrderReturnResponse[];
}

/** A module that adds its part of the order detail, for several orders in one read. */
export interface OrderViewContributor {
  contribute(orderIds: string[]): Promise<Map<string, Partial<OrderViewExtras>>>;
}

/**
 * The order view's extension point: the fulfilment module registers here at start-up (onModuleInit),
 * so the orders module shows fulfilments and returns without importing that module (which imports it).
 */
@Injectable()
export class OrderViewContributors {
  private readonly contributors: OrderViewContributor[] = [];

  register(contributor: OrderViewContributor): void {
    this.contributors.push(contributor);
  }

  /** Every order id maps to complete extras (empty lists where nobody contributed). */
  async extrasFor(orderIds: string[]): Promise<Map<string, OrderViewExtras>> {
    const result = new Map<string, OrderViewExtras>(
      orderIds.map((id) => [id, { fulfillments: [], returns: [] }]),
    );
    if (orderIds.length === 0) return result;
    const parts = await Promise.all(this.contributors.map((c) => c.contribute(orderIds)));
    for (const part of parts) {
      for (const [orderId, extras] of part) {
        const target = result.get(orderId);
        if (target) Object.assign(target, extras);
      }
    }
    return result;
  }
}
