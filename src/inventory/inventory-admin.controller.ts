import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ReqMeta } from '../audit/request-meta.decorator';
import { RequestMeta } from '../audit/audit.types';
import { Paginated } from '../common/pagination';
import { UuidParam } from '../common/validation';
import { InventoryItemResponse, ListInventoryQuery, UpdateInventoryDto } from './dto/inventory-admin.dto';
import { InventoryAdminService } from './inventory-admin.service';

/** Admin stock management (admin role: everything under /api/admin). */
@ApiTags('inventory (admin)')
@ApiBearerAuth()
@Controller('admin')
export class InventoryAdminController {
  constructor(private readonly inventory: InventoryAdminService) {}

  @Get('stores/:storeId/inventory')
  list(
    @UuidParam('storeId') storeId: string,
    @Query() query: ListInventoryQuery,
  ): Promise<Paginated<InventoryItemResponse>> {
    return this.inventory.list(storeId, query);
  }

  @Get('inventory/:variantId')
  get(@UuidParam('variantId') variantId: string): Promise<InventoryItemResponse> {
    return this.inventory.get(variantId);
  }

  @Patch('inventory/:variantId')
  update(
    @UuidParam('variantId') variantId: string,
    @Body() dto: UpdateInventoryDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<InventoryItemResponse> {
    return this.inventory.update(variantId, dto, meta);
  }
}
