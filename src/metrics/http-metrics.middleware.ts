import { NextFunction, Request, RequestHandler, Response } from 'express';
import { HttpMetrics, UNMATCHED_ROUTE } from './http-metrics';
import { MetricsService } from './metrics.service';

type HttpSeries = {
  requests: ReturnType<HttpMetrics['requests']['labels']>;
  duration: ReturnType<HttpMetrics['duration']['labels']>;
};

/**
 * Times every request and counts it on `finish` by route pattern (Express's req.route, e.g.
 * /api/orders/:id, as the access log uses), method and status. Plain Express middleware installed by
 * configureApp next to the access log, not a Nest middleware: Nest's `forRoutes('*')` registers a
 * route of its own, which would make every unmatched request look routed. A request whose client went
 * away before the answer is not counted.
 */
export function httpMetricsMiddleware(metrics: MetricsService): RequestHandler {
  const { http } = metrics;
  const perProcess = http.perProcess.labels({ pid: String(process.pid) });
  // The labelled series of each (method, route, status) seen, so that a request costs no label hashing
  // (a few thousand combinations at most: routes are templates).
  const series = new Map<string, HttpSeries>();
  const seriesOf = (method: string, route: string, status: string) => {
    const key = `${method} ${status} ${route}`;
    let found = series.get(key);
    if (!found) {
      const labels = { method, route, status };
      found = { requests: http.requests.labels(labels), duration: http.duration.labels(labels) };
      series.set(key, found);
    }
    return found;
  };
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const route = (req.route as { path?: unknown } | undefined)?.path;
      const { requests, duration } = seriesOf(
        req.method,
        typeof route === 'string' ? route : UNMATCHED_ROUTE,
        String(res.statusCode),
      );
      requests.inc();
      duration.observe(Number(process.hrtime.bigint() - started) / 1e9);
      perProcess.inc();
    });
    next();
  };
}
