import { Injectable, NestMiddleware } from '@nestjs/common';
import { NextFunction, Request, Response } from 'express';
import { UNMATCHED_ROUTE } from './http-metrics';
import { MetricsService } from './metrics.service';

/**
 * Times every request and counts it on `finish` by route pattern (Express's req.route, e.g.
 * /api/orders/:id, as the access log uses), method and status. A request whose client went away
 * before the answer is not counted.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  private readonly pid = String(process.pid);

  constructor(private readonly metrics: MetricsService) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const route = (req.route as { path?: unknown } | undefined)?.path;
      const labels = {
        method: req.method,
        route: typeof route === 'string' ? route : UNMATCHED_ROUTE,
        status: String(res.statusCode),
      };
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const { http } = this.metrics;
      http.requests.inc(labels);
      http.duration.observe(labels, seconds);
      http.perProcess.inc({ pid: this.pid });
    });
    next();
  }
}
