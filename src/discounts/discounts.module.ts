import { Module } from '@nestjs/common';
import { StoresModule } from '../stores/stores.module';
import { DiscountsController } from './discounts.controller';
import { DiscountsService } from './discounts.service';

/** Discount codes. Exports DiscountsService for checkout (consume) and cancellation (release). */
@Module({
  imports: [StoresModule],
  controllers: [DiscountsController],
  providers: [DiscountsService],
  exports: [DiscountsService],
})
export class DiscountsModule {}
