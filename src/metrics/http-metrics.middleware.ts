import { NextFunction, Request, RequestHandler, Response } from 'express';
import { UNMATCHED_ROUTE } from './http-metrics';
import { MetricsService } from './metrics.service';

/**
 * Times every request and counts it on `finish` by route pattern (Express's req.route, e.g.
 * /api/orders/:id, as the access log uses), method and status. Plain Express middleware installed by
 * configureApp next to the access log, not a Nest middleware: Nest's `forRoutes('*')` registers a
 * route of its own, which would make every unmatched request look routed. A request whose client went
 * away before the answer is not counted.
 */
export function httpMetricsMiddleware(metrics: MetricsService): RequestHandler {
  const pid = String(process.pid);
  const { http } = metrics;
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const route = (req.route as { path?: unknown } | undefined)?.path;
      const labels = {
        method: req.method,
        route: typeof route === 'string' ? route : UNMATCHED_ROUTE,
        status: String(res.statusCode),
      };
      http.requests.inc(labels);
      http.duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
      http.perProcess.inc({ pid });
    });
    next();
  };
}
