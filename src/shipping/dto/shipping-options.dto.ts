import { ApiProperty } from '@nestjs/swagger';
import { ApiMoney } from '../../common/openapi';
import { IsCountryCode } from '../../common/country-codes';

export class ShippingOptionsQuery {
  @ApiProperty({ example: 'DE', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2, uppercase' })
  @IsCountryCode()
  country: string;
}

/** One way to ship the current cart to the country, priced now. */
export class ShippingOptionResponse {
  @ApiProperty({ format: 'uuid', description: 'The shippingMethodId to check out with' }) id: string;
  @ApiProperty({ example: 'Standard' }) name: string;
  @ApiMoney({ example: '4.99' }) amount: string;
}
