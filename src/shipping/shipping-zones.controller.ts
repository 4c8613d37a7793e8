import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { RequestMeta } from '../audit/audit.types';
import { ReqMeta } from '../audit/request-meta.decorator';
import { Allow, Permission } from '../auth/permissions';
import { ApiErrors, ApiPaginatedResponse } from '../common/openapi';
import { Paginated } from '../common/pagination';
import { UuidParam } from '../common/validation';
import {
  CreateShippingZoneDto,
  ListShippingZonesQuery,
  ShippingZoneResponse,
  UpdateShippingZoneDto,
} from './dto/shipping-zone.dto';
import { ShippingZonesService } from './shipping-zones.service';

const ZONE_NOT_FOUND = [404, 'SHIPPING_ZONE_NOT_FOUND (also for another store’s zone)'] as const;
const ZONE_ID = ApiParam({ name: 'id', format: 'uuid', description: 'A shipping zone of the store' });

/**
 * Admin CRUD of a store's shipping zones. Reads need orders.read (staff handling orders look up where
 * a store ships), writes settings.manage (zones are store settings).
 */
@ApiTags('admin: shipping')
@ApiBearerAuth()
@ApiParam({ name: 'storeId', format: 'uuid' })
@ApiErrors(400, 401, 403, 503)
@Controller('admin/stores/:storeId/shipping-zones')
export class ShippingZonesController {
  constructor(private readonly zones: ShippingZonesService) {}

  @Get()
  @Allow(Permission.OrdersRead)
  @ApiOperation({ summary: 'List the shipping zones of a store', description: 'By name.' })
  @ApiPaginatedResponse(ShippingZoneResponse)
  @ApiErrors([404, 'STORE_NOT_FOUND'])
  async list(
    @UuidParam('storeId') storeId: string,
    @Query() query: ListShippingZonesQuery,
  ): Promise<Paginated<ShippingZoneResponse>> {
    const page = await this.zones.list(storeId, query);
    return { ...page, items: page.items.map((z) => ShippingZoneResponse.from(z)) };
  }

  @Get(':id')
  @Allow(Permission.OrdersRead)
  @ApiOperation({ summary: 'Get a shipping zone', description: 'Another store’s zone is a 404.' })
  @ZONE_ID
  @ApiOkResponse({ type: ShippingZoneResponse })
  @ApiErrors(ZONE_NOT_FOUND)
  async get(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
  ): Promise<ShippingZoneResponse> {
    return ShippingZoneResponse.from(await this.zones.get(storeId, id));
  }

  @Post()
  @Allow(Permission.SettingsManage)
  @ApiOperation({
    summary: 'Create a shipping zone',
    description:
      'A set of destination countries; zones may overlap (a country in two zones gets the methods of both).',
  })
  @ApiCreatedResponse({ type: ShippingZoneResponse })
  @ApiErrors([404, 'STORE_NOT_FOUND'], 413)
  async create(
    @UuidParam('storeId') storeId: string,
    @Body() dto: CreateShippingZoneDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<ShippingZoneResponse> {
    return ShippingZoneResponse.from(await this.zones.create(storeId, dto, meta));
  }

  @Patch(':id')
  @Allow(Permission.SettingsManage)
  @ApiOperation({
    summary: 'Update a shipping zone',
    description: 'Only the fields sent change; countries replaces the list.',
  })
  @ZONE_ID
  @ApiOkResponse({ type: ShippingZoneResponse })
  @ApiErrors(ZONE_NOT_FOUND, 413)
  async update(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
    @Body() dto: UpdateShippingZoneDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<ShippingZoneResponse> {
    return ShippingZoneResponse.from(await this.zones.update(storeId, id, dto, meta));
  }

  @Delete(':id')
  @Allow(Permission.SettingsManage)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Delete a shipping zone',
    description: 'Its shipping methods are deleted with it; orders keep the shipping they were charged.',
  })
  @ZONE_ID
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(ZONE_NOT_FOUND)
  async remove(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.zones.remove(storeId, id, meta);
  }
}
