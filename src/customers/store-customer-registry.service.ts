import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { StoreCustomer } from './entities/store-customer.entity';

/** Which profiles are customers of which store (`store_customers`, owned by this module). */
@Injectable()
export class StoreCustomerRegistry {
  constructor(@InjectRepository(StoreCustomer) private readonly customers: Repository<StoreCustomer>) {}

  /** The profile becomes (or stays) a customer of the store, in the caller's transaction (an order was placed). */
  async register(tx: EntityManager, storeId: string, profileId: string): Promise<void> {
    await tx.query(
      `INSERT INTO store_customers (store_id, profile_id) VALUES ($1, $2)
       ON CONFLICT (store_id, profile_id) DO UPDATE SET updated_at = now()`,
      [storeId, profileId],
    );
  }

  /** The store-customer row's id, or null when the profile never bought from the store. */
  async find(storeId: string, profileId: string): Promise<{ id: string } | null> {
    return this.customers.findOne({ where: { storeId, profileId }, select: { id: true } });
  }
}
