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
  CreateShippingMethodDto,
  ListShippingMethodsQuery,
  ShippingMethodResponse,
  UpdateShippingMethodDto,
} from './dto/shipping-method.dto';
import { ShippingMethodsService } from './shipping-methods.service';

const METHOD_NOT_FOUND = [404, 'SHIPPING_METHOD_NOT_FOUND (also for another store’s method)'] as const;
const METHOD_ID = ApiParam({ name: 'id', format: 'uuid', description: 'A shipping method of the store' });
const RATE_RULES =
  'flat: amount. free_over: amount, free from freeOver (inclusive) on the subtotal after discounts. ' +
  'weight: amount (a fee, default 0) + the first tier whose upToGrams the cart weight does not exceed; ' +
  'heavier than the last tier → not offered. 400 VALIDATION_FAILED when a field the type needs is missing, ' +
  'one it does not have is sent, or tiers are not strictly ascending.';

/** Admin CRUD of a store's shipping methods; reads need orders.read, writes settings.manage (see zones). */
@ApiTags('admin: shipping')
@ApiBearerAuth()
@ApiParam({ name: 'storeId', format: 'uuid' })
@ApiErrors(400, 401, 403, 503)
@Controller('admin/stores/:storeId/shipping-methods')
export class ShippingMethodsController {
  constructor(private readonly methods: ShippingMethodsService) {}

  @Get()
  @Allow(Permission.OrdersRead)
  @ApiOperation({
    summary: 'List the shipping methods of a store',
    description: 'By name; inactive ones too.',
  })
  @ApiPaginatedResponse(ShippingMethodResponse)
  @ApiErrors([404, 'STORE_NOT_FOUND'])
  async list(
    @UuidParam('storeId') storeId: string,
    @Query() query: ListShippingMethodsQuery,
  ): Promise<Paginated<ShippingMethodResponse>> {
    const page = await this.methods.list(storeId, query);
    return { ...page, items: page.items.map((m) => ShippingMethodResponse.from(m)) };
  }

  @Get(':id')
  @Allow(Permission.OrdersRead)
  @ApiOperation({ summary: 'Get a shipping method', description: 'Another store’s method is a 404.' })
  @METHOD_ID
  @ApiOkResponse({ type: ShippingMethodResponse })
  @ApiErrors(METHOD_NOT_FOUND)
  async get(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
  ): Promise<ShippingMethodResponse> {
    return ShippingMethodResponse.from(await this.methods.get(storeId, id));
  }

  @Post()
  @Allow(Permission.SettingsManage)
  @ApiOperation({ summary: 'Create a shipping method', description: RATE_RULES })
  @ApiCreatedResponse({ type: ShippingMethodResponse })
  @ApiErrors([404, 'SHIPPING_ZONE_NOT_FOUND (unknown, or a zone of another store)'], 413)
  async create(
    @UuidParam('storeId') storeId: string,
    @Body() dto: CreateShippingMethodDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<ShippingMethodResponse> {
    return ShippingMethodResponse.from(await this.methods.create(storeId, dto, meta));
  }

  @Patch(':id')
  @Allow(Permission.SettingsManage)
  @ApiOperation({
    summary: 'Update a shipping method',
    description: `Only the fields sent change; changing rateType clears the former type’s field. ${RATE_RULES}`,
  })
  @METHOD_ID
  @ApiOkResponse({ type: ShippingMethodResponse })
  @ApiErrors(
    [404, 'SHIPPING_METHOD_NOT_FOUND, or SHIPPING_ZONE_NOT_FOUND (zoneId: unknown or of another store)'],
    413,
  )
  async update(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
    @Body() dto: UpdateShippingMethodDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<ShippingMethodResponse> {
    return ShippingMethodResponse.from(await this.methods.update(storeId, id, dto, meta));
  }

  @Delete(':id')
  @Allow(Permission.SettingsManage)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Delete a shipping method',
    description: 'Orders keep the shipping they were charged.',
  })
  @METHOD_ID
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(METHOD_NOT_FOUND)
  async remove(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.methods.remove(storeId, id, meta);
  }
}
