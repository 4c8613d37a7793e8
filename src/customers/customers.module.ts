import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AddressesService } from './addresses.service';
import { AdminCustomersController } from './admin-customers.controller';
import { CustomersService } from './customers.service';
import { MeController } from './me.controller';

/** `/api/me` (profile and addresses) and `/api/admin/customers`. */
@Module({
  imports: [AuthModule],
  controllers: [MeController, AdminCustomersController],
  providers: [AddressesService, CustomersService],
  exports: [AddressesService],
})
export class CustomersModule {}
