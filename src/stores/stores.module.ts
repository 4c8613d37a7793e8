import { Module } from '@nestjs/common';

/** Stores: public list of active stores, super_admin create/update. */
@Module({})
export class StoresModule {}
