import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../../common/openapi';
import { UuidParam } from '../../../common/validation';
import { LoyaltyBalanceResponse } from '../dto/loyalty.dto';
import { LoyaltyAccountsService } from '../services/loyalty-accounts.service';
import { Allow, Permission } from '../../../auth/permissions';

/**
 * A store customer's points, for admins. Everything under /api/admin already needs an admin role
 * (RolesGuard denies by default); the @Roles line says it where a reader looks.
 */
@ApiTags('loyalty')
@ApiBearerAuth()
@ApiParam({ name: 'storeId', format: 'uuid' })
@ApiParam({ name: 'profileId', format: 'uuid' })
@ApiErrors(401, [403, 'FORBIDDEN: admin or super_admin only'], 503)
@Controller('admin/stores/:storeId/customers/:profileId/loyalty')
export class LoyaltyAdminController {
  constructor(private readonly accounts: LoyaltyAccountsService) {}

  @Allow(Permission.CustomersRead)
  @Get()
  @ApiOperation({
    summary: 'Get a store customer’s loyalty points',
    description: 'Admin. The customer’s balance in the store and their newest ledger entries.',
  })
  @ApiOkResponse({ type: LoyaltyBalanceResponse })
  @ApiErrors(
    [400, 'INVALID_ID (storeId or profileId is not a UUID)'],
    [404, 'STORE_NOT_FOUND, or CUSTOMER_NOT_FOUND (the profile is not a customer of this store)'],
  )
  async ofCustomer(
    @UuidParam('storeId') storeId: string,
    @UuidParam('profileId') profileId: string,
  ): Promise<LoyaltyBalanceResponse> {
    return LoyaltyBalanceResponse.from(await this.accounts.ofCustomer(storeId, profileId));
  }
}
