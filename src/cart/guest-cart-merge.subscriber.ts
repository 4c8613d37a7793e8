import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventOf, OnDomainEvent } from '../events';
import { CartService } from './cart.service';

/**
 * Hands a guest cart (`X-Cart-Session`) to the customer who just logged in or registered. In the
 * sign-in's own transaction, not after the commit: the contract has the merged cart on the very next
 * GET (API.md, Cart), which an at-least-once delivery some milliseconds later cannot promise. The hook
 * runs in a savepoint (EventsService.record), so a merge that fails is logged and undone while the
 * login itself still succeeds, as before. Auth only records `customer.signed_in`; it knows nothing of carts.
 */
@Injectable()
export class GuestCartMergeSubscriber {
  constructor(private readonly carts: CartService) {}

  @OnDomainEvent('customer.signed_in', { inTransaction: true, name: 'cart.guest-merge' })
  async onSignedIn(event: EventOf<'customer.signed_in'>, tx: EntityManager): Promise<void> {
    const sessionId = event.data.cartSessionId?.trim();
    if (sessionId) await this.carts.mergeGuestCart(tx, event.data.userId, sessionId);
  }
}
