import { Module } from '@nestjs/common';
import { StoresModule } from '../stores/stores.module';
import { TaxRatesController } from './tax-rates.controller';
import { TaxRatesService } from './tax-rates.service';
import { TaxService } from './tax.service';

/** Tax rates by destination and class. Exports TaxService for checkout, quotes and refunds. */
@Module({
  imports: [StoresModule],
  controllers: [TaxRatesController],
  providers: [TaxRatesService, TaxService],
  exports: [TaxService],
})
export class TaxModule {}
