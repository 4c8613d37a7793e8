import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ReqMeta } from '../audit/request-meta.decorator';
import { RequestMeta } from '../audit/audit.types';
import { ApiErrors, ApiPaginatedResponse } from '../common/openapi';
import { Paginated } from '../common/pagination';
import { UuidParam } from '../common/validation';
import { InventoryItemResponse, ListInventoryQuery, UpdateInventoryDto } from './dto/inventory-admin.dto';
import { InventoryAdminService } from './inventory-admin.service';
import { Allow, Permission } from '../auth/permissions';
import { StoreFrom } from '../auth/decorators/store-from.decorator';

const VARIANT_ID = ApiParam({ name: 'variantId', format: 'uuid', description: 'A product variant' });
const VARIANT_NOT_FOUND = [404, 'VARIANT_NOT_FOUND'] as const;

/** Admin stock management (admin role: everything under /api/admin). */
@ApiTags('admin: inventory')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 503)
@Controller('admin')
export class InventoryAdminController {
  constructor(private readonly inventory: InventoryAdminService) {}

  @Allow(Permission.CatalogRead)
  @Get('stores/:storeId/inventory')
  @ApiOperation({ summary: 'List the stock of a store', description: 'By SKU.' })
  @ApiParam({ name: 'storeId', format: 'uuid' })
  @ApiPaginatedResponse(InventoryItemResponse)
  @ApiErrors([404, 'STORE_NOT_FOUND'])
  list(
    @UuidParam('storeId') storeId: string,
    @Query() query: ListInventoryQuery,
  ): Promise<Paginated<InventoryItemResponse>> {
    return this.inventory.list(storeId, query);
  }

  @Allow(Permission.CatalogRead)
  @StoreFrom('variant', 'variantId')
  @Get('inventory/:variantId')
  @ApiOperation({
    summary: 'Get the stock of a variant',
    description: 'quantity, what pending orders hold (reserved) and what is left (available).',
  })
  @VARIANT_ID
  @ApiOkResponse({ type: InventoryItemResponse })
  @ApiErrors(VARIANT_NOT_FOUND)
  get(@UuidParam('variantId') variantId: string): Promise<InventoryItemResponse> {
    return this.inventory.get(variantId);
  }

  @Allow(Permission.InventoryAdjust)
  @StoreFrom('variant', 'variantId')
  @Patch('inventory/:variantId')
  @ApiOperation({
    summary: 'Set or adjust the stock of a variant',
    description:
      'Send quantity (the new count) or adjust (±N), not both, and/or lowStockThreshold. The count never ' +
      'goes below what pending orders hold.',
  })
  @VARIANT_ID
  @ApiOkResponse({ type: InventoryItemResponse })
  @ApiErrors(
    [400, 'VALIDATION_FAILED (e.g. quantity and adjust together, or nothing to change)'],
    VARIANT_NOT_FOUND,
    [409, 'BELOW_RESERVED: details give quantity, reserved and requested'],
    413,
  )
  update(
    @UuidParam('variantId') variantId: string,
    @Body() dto: UpdateInventoryDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<InventoryItemResponse> {
    return this.inventory.update(variantId, dto, meta);
  }
}
