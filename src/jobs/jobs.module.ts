import { Global, Module } from '@nestjs/common';
import { JobsService } from './jobs.service';

/**
 * Periodic background jobs (JOBS=inprocess|pgboss): any module injects JobsService and defines its
 * jobs; the retention jobs live in src/jobs/retention (RetentionModule).
 */
@Global()
@Module({ providers: [JobsService], exports: [JobsService] })
export class JobsModule {}
