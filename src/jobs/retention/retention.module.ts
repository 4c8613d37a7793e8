import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module';
import { CartModule } from '../../cart/cart.module';
import { EventsModule } from '../../events/events.module';
import { RetentionJob } from './retention.job';

/**
 * The retention job. Deletes nothing itself: each owning module exports its prune method
 * (CartModule, IdempotencyModule (global), AuthModule, EventsModule).
 */
@Module({ imports: [AuthModule, CartModule, EventsModule], providers: [RetentionJob] })
export class RetentionModule {}
