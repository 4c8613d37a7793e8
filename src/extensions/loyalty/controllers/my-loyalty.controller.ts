import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../../../auth/auth.types';
import { CurrentUser } from '../../../auth/decorators/current-user.decorator';
import { ApiErrors } from '../../../common/openapi';
import { LoyaltyBalanceResponse } from '../dto/loyalty.dto';
import { LoyaltyAccountsService } from '../services/loyalty-accounts.service';

/**
 * The signed-in customer's own points in a store. Protected by the global JwtAuthGuard (no @Public);
 * the owner check is that the profile comes from the token, never from the request: there is no
 * parameter through which to ask for someone else's ledger.
 */
@ApiTags('loyalty')
@ApiBearerAuth()
@ApiParam({ name: 'storeSlug', description: 'The store’s slug, e.g. `demo`' })
@ApiErrors(401, 503)
@Controller('stores/:storeSlug/me/loyalty')
export class MyLoyaltyController {
  constructor(private readonly accounts: LoyaltyAccountsService) {}

  @Get()
  @ApiOperation({
    summary: 'Get my loyalty points in a store',
    description:
      'The caller’s balance and newest ledger entries: 1 point per whole currency unit of a paid order, taken back in proportion on refunds. Zero and no entries before a first paid order.',
  })
  @ApiOkResponse({ type: LoyaltyBalanceResponse })
  @ApiErrors([404, 'STORE_NOT_FOUND (unknown or inactive store)'])
  async mine(
    @Param('storeSlug') storeSlug: string,
    @CurrentUser() user: AuthUser,
  ): Promise<LoyaltyBalanceResponse> {
    return LoyaltyBalanceResponse.from(await this.accounts.mine(storeSlug, user.id));
  }
}
