import { Module } from '@nestjs/common';
import { InventoryService } from './inventory.service';

/**
 * Stock: holds for orders (InventoryService: reserve / release / commit / available, each in the
 * caller's transaction). Admin stock management lives here too.
 */
@Module({ providers: [InventoryService], exports: [InventoryService] })
export class InventoryModule {}
