import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';
import { ProbesController } from './probes.controller';
import { Readiness } from './readiness';

@Module({
  controllers: [HealthController, ProbesController],
  providers: [HealthService, Readiness],
  exports: [Readiness],
})
export class HealthModule {}
