import { ApiProperty } from '@nestjs/swagger';
import { formatMoney } from '../../common/money';
import { StoreCustomerSummary } from '../store-customers.service';

export class StoreCustomerResponse {
  @ApiProperty() profileId: string;
  @ApiProperty() email: string;
  @ApiProperty({ nullable: true, type: String }) fullName: string | null;
  @ApiProperty({ description: 'First order in this store' }) customerSince: string;
  @ApiProperty() ordersCount: number;
  @ApiProperty({ example: '129.90', description: 'Paid orders, net of refunds' }) totalSpent: string;
  @ApiProperty({ nullable: true, type: String }) lastOrderAt: string | null;

  static from(c: StoreCustomerSummary): StoreCustomerResponse {
    return {
      profileId: c.profileId,
      email: c.email,
      fullName: c.fullName,
      customerSince: c.customerSince.toISOString(),
      ordersCount: c.ordersCount,
      totalSpent: formatMoney(c.totalSpent),
      lastOrderAt: c.lastOrderAt ? c.lastOrderAt.toISOString() : null,
    };
  }
}
