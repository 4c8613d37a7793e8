import { Injectable, Logger } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { EventsService } from '../events/events.service';
import { JobsService } from '../jobs/jobs.service';
import { isClusterWorker, joinClusterMetrics } from './cluster-metrics';
import { registerDbGauges } from './db-gauges';
import { DOMAIN_METRICS } from './domain-metrics';
import { registerJobGauges } from './job-gauges';
import { createHttpMetrics, HttpMetrics } from './http-metrics';

/**
 * This app's registry: process metrics (prom-client defaults), HTTP, the database pool, the domain
 * counters, the gauges read from the database and the periodic jobs' figures, at scrape time. One registry per app (not
 * prom-client's global one), so that several apps in one process (tests) do not collide.
 */
@Injectable()
export class MetricsService {
  private readonly logger = new Logger('Metrics');
  readonly registry = new Registry();
  readonly http: HttpMetrics;
  private readonly clusterAggregate?: () => Promise<string>;

  constructor(dataSource: DataSource, events: EventsService, jobs: JobsService) {
    collectDefaultMetrics({ register: this.registry });
    this.http = createHttpMetrics(this.registry);
    for (const metric of DOMAIN_METRICS) this.registry.registerMetric(metric);
    registerDbGauges(this.registry, dataSource, events);
    registerJobGauges(this.registry, jobs);
    if (isClusterWorker()) this.clusterAggregate = joinClusterMetrics(this.registry);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The Prometheus text: every worker's, summed, under WEB_CONCURRENCY; else this process's. */
  async render(): Promise<string> {
    if (this.clusterAggregate) {
      try {
        return await this.clusterAggregate();
      } catch (error) {
        // A primary that cannot aggregate (a worker hung): this worker's own numbers beat none.
        this.logger.warn(
          `Cluster metrics unavailable (${error instanceof Error ? error.message : String(error)}): serving this worker's only`,
        );
      }
    }
    return this.registry.metrics();
  }
}
