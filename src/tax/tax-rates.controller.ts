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
import { CreateTaxRateDto, ListTaxRatesQuery, TaxRateResponse, UpdateTaxRateDto } from './dto/tax-rate.dto';
import { TaxRatesService } from './tax-rates.service';

const TAX_RATE_NOT_FOUND = [404, 'TAX_RATE_NOT_FOUND (also for another store’s rate)'] as const;
const TAX_RATE_EXISTS = [
  409,
  'TAX_RATE_EXISTS: the store has a rate for this country, region and class',
] as const;
const TAX_RATE_ID = ApiParam({ name: 'id', format: 'uuid', description: 'A tax rate of the store' });

/** Admin CRUD of a store's tax rates by destination and tax class. */
@ApiTags('admin: tax')
@ApiBearerAuth()
@ApiParam({ name: 'storeId', format: 'uuid' })
@ApiErrors(400, 401, 403, 503)
@Controller('admin/stores/:storeId/tax-rates')
export class TaxRatesController {
  constructor(private readonly taxRates: TaxRatesService) {}

  @Get()
  @Allow(Permission.SettingsManage)
  @ApiOperation({
    summary: 'List the tax rates of a store',
    description: 'By country, the country-wide rate before its regions, then by class.',
  })
  @ApiPaginatedResponse(TaxRateResponse)
  @ApiErrors([404, 'STORE_NOT_FOUND'])
  async list(
    @UuidParam('storeId') storeId: string,
    @Query() query: ListTaxRatesQuery,
  ): Promise<Paginated<TaxRateResponse>> {
    const page = await this.taxRates.list(storeId, query);
    return { ...page, items: page.items.map((r) => TaxRateResponse.from(r)) };
  }

  @Get(':id')
  @Allow(Permission.SettingsManage)
  @ApiOperation({ summary: 'Get a tax rate', description: 'Another store’s rate is a 404.' })
  @TAX_RATE_ID
  @ApiOkResponse({ type: TaxRateResponse })
  @ApiErrors(TAX_RATE_NOT_FOUND)
  async get(@UuidParam('storeId') storeId: string, @UuidParam('id') id: string): Promise<TaxRateResponse> {
    return TaxRateResponse.from(await this.taxRates.get(storeId, id));
  }

  @Post()
  @Allow(Permission.SettingsManage)
  @ApiOperation({
    summary: 'Create a tax rate',
    description:
      'The rate the products of `taxClass` pay when shipped to `country` (or to `region` of it). At checkout ' +
      'a region’s rate wins over the country’s, which wins over the store’s `taxRate`. Audited.',
  })
  @ApiCreatedResponse({ type: TaxRateResponse })
  @ApiErrors([404, 'STORE_NOT_FOUND'], TAX_RATE_EXISTS, 413)
  async create(
    @UuidParam('storeId') storeId: string,
    @Body() dto: CreateTaxRateDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<TaxRateResponse> {
    return TaxRateResponse.from(await this.taxRates.create(storeId, dto, meta));
  }

  @Patch(':id')
  @Allow(Permission.SettingsManage)
  @ApiOperation({
    summary: 'Update a tax rate',
    description:
      'Only the fields sent change; region null makes it the whole country’s. Orders keep the rate they were charged. Audited.',
  })
  @TAX_RATE_ID
  @ApiOkResponse({ type: TaxRateResponse })
  @ApiErrors(TAX_RATE_NOT_FOUND, TAX_RATE_EXISTS, 413)
  async update(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
    @Body() dto: UpdateTaxRateDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<TaxRateResponse> {
    return TaxRateResponse.from(await this.taxRates.update(storeId, id, dto, meta));
  }

  @Delete(':id')
  @Allow(Permission.SettingsManage)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Delete a tax rate',
    description:
      'The destination falls back to the country’s rate, then the store’s. Orders keep theirs. Audited.',
  })
  @TAX_RATE_ID
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(TAX_RATE_NOT_FOUND)
  async remove(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.taxRates.remove(storeId, id, meta);
  }
}
