import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { AddressesService } from './addresses.service';
import { AdminCustomersController } from './admin-customers.controller';
import { CustomersService } from './customers.service';
import { Address } from './entities/address.entity';
import { StoreCustomer } from './entities/store-customer.entity';
import { MeController } from './me.controller';
import { StoreCustomerRegistry } from './store-customer-registry.service';

/**
 * `/api/me` (profile and addresses) and `/api/admin/customers`. Owns `addresses` and
 * `store_customers`: checkout checks an address through AddressesService and records a store's
 * customer through StoreCustomerRegistry.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Address, StoreCustomer]), AuthModule],
  controllers: [MeController, AdminCustomersController],
  providers: [AddressesService, CustomersService, StoreCustomerRegistry],
  exports: [AddressesService, StoreCustomerRegistry],
})
export class CustomersModule {}
