import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../../catalog/catalog.module';
import { CustomersModule } from '../../customers/customers.module';
import { StoresModule } from '../../stores/stores.module';
import { LoyaltyAdminController } from './controllers/loyalty-admin.controller';
import { MyLoyaltyController } from './controllers/my-loyalty.controller';
import { LoyaltyAccount } from './entities/loyalty-account.entity';
import { LoyaltyLedgerEntry } from './entities/loyalty-ledger-entry.entity';
import { LoyaltyAccountsService } from './services/loyalty-accounts.service';
import { LoyaltyLedgerService } from './services/loyalty-ledger.service';
import { LoyaltySubscriber } from './services/loyalty.subscriber';

/**
 * Loyalty points, the worked example of docs/extending.md: a feature added as a module, built only on
 * the public extension points. It owns `loyalty_accounts` and `loyalty_ledger` (migration 0015),
 * reacts to `order.paid` and `order.refunded` after their commit, and learns the rest from the
 * events themselves (`order.paid` names the buyer) or the other modules' exported services (catalog:
 * a storefront slug; stores and customers: the admin path). Nothing else in the app knows it exists
 * but this module's line in AppModule and its entities in the entity list. It exports nothing.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([LoyaltyAccount, LoyaltyLedgerEntry]),
    CatalogModule,
    StoresModule,
    CustomersModule,
  ],
  controllers: [MyLoyaltyController, LoyaltyAdminController],
  providers: [LoyaltyLedgerService, LoyaltyAccountsService, LoyaltySubscriber],
})
export class LoyaltyModule {}
