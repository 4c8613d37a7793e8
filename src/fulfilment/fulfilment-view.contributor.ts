import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import {
  OrderViewContributor,
  OrderViewContributors,
  OrderViewExtras,
} from '../orders/order-view-contributors';
import { Fulfillment } from './entities/fulfillment.entity';
import { fulfillmentView, orderReturnView } from './fulfilment-views';
import { ReturnsService } from './returns.service';

/** Adds each order's fulfilments and returns to the order view (registered with the orders module). */
@Injectable()
export class FulfilmentViewContributor implements OrderViewContributor, OnModuleInit {
  constructor(
    private readonly registry: OrderViewContributors,
    @InjectRepository(Fulfillment) private readonly fulfillments: Repository<Fulfillment>,
    private readonly returns: ReturnsService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async contribute(orderIds: string[]): Promise<Map<string, Partial<OrderViewExtras>>> {
    const [fulfillments, returns] = await Promise.all([
      this.fulfillments.find({
        where: { orderId: In(orderIds) },
        relations: { items: true },
        order: { shippedAt: 'ASC', id: 'ASC' },
      }),
      this.returns.forOrders(orderIds),
    ]);
    const result = new Map<string, OrderViewExtras>(
      orderIds.map((id) => [id, { fulfillments: [], returns: [] }]),
    );
    for (const f of fulfillments) result.get(f.orderId)?.fulfillments.push(fulfillmentView(f));
    for (const r of returns) result.get(r.orderId)?.returns.push(orderReturnView(r));
    return result;
  }
}
