import { Module } from '@nestjs/common';

/** Public catalog reads: category tree, product listing and product detail, one SQL statement each. */
@Module({})
export class StorefrontModule {}
