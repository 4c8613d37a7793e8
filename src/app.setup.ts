import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'pino';
import { corsMiddleware } from './common/http/cors';
import { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/app-config.module';
import { accessLogMiddleware } from './logging/access-log';
import { ROOT_LOGGER } from './logging/logging.module';
import { AllExceptionsFilter, bodyParserException } from './common/filters/all-exceptions.filter';
import { buildOpenApiDocument } from './common/openapi/document';
import { createValidationPipe } from './common/validation';
import { bodyGuard } from './common/http/body-guards';
import { httpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { MetricsService } from './metrics/metrics.service';
import { requestDbContext } from './database/rls/request-db-context';
import { letsAnonymousThrough } from './auth/guards/anonymous-access';
import { findDirectReadRoutes } from './common/http/direct-reads/direct-read-routes';
import { installDirectReads, RequestMiddleware } from './common/http/direct-reads/direct-read-server';

export const API_PREFIX = 'api';
export const DOCS_PATH = `${API_PREFIX}/docs`;
/** Largest accepted JSON or form body. */
export const BODY_LIMIT = '100kb';

/**
 * Everything about the HTTP app that is not a module: shared by main.ts and the tests, so the tests
 * exercise the real prefix, error shape and validation. Create the app with `{ rawBody: true }`
 * (Stripe webhooks verify the exact bytes) on `new AppExpressAdapter()` (its JSON replies are cheaper).
 */
export function configureApp(app: INestApplication): INestApplication {
  app.setGlobalPrefix(API_PREFIX);
  // The parsers are registered here rather than by Nest at init so that the error hook below comes
  // right after them (Nest skips parsers that are already there). rawBody still applies.
  const expressApp = app as NestExpressApplication;
  // No ETag: Express would SHA-1 every JSON body to offer 304s that API clients never ask for (a
  // measurable share of a product page's CPU). No X-Powered-By: it only tells attackers the stack.
  expressApp.disable('etag');
  expressApp.disable('x-powered-by');
  const config = app.get<AppConfig>(APP_CONFIG);
  // Whose X-Forwarded-For sets req.ip (throttling, audit rows): nobody's unless TRUST_PROXY says.
  expressApp.set('trust proxy', config.trustProxy);
  // Before anything that can answer (CORS preflights, body-parser errors): every response gets its
  // X-Request-Id and one access line, its count and latency by route pattern (GET /api/metrics),
  // and browsers their CORS headers.
  const cors = corsMiddleware({ origins: config.corsOrigins, allowLocalhost: config.corsAllowLocalhost });
  const everyRequest: RequestMiddleware[] = [
    accessLogMiddleware(app.get<Logger>(ROOT_LOGGER)),
    httpMetricsMiddleware(app.get(MetricsService)),
    ...(cors ? [cors] : []),
  ];
  for (const middleware of everyRequest) expressApp.use(middleware);
  expressApp.useBodyParser('json', { limit: BODY_LIMIT });
  expressApp.useBodyParser('urlencoded', { extended: true, limit: BODY_LIMIT });
  expressApp.use((error: unknown, _req: unknown, _res: unknown, next: (error: unknown) => void) => {
    next(bodyParserException(error) ?? error);
  });
  // Hostile JSON before the validation pipe sees it: too deep (it recurses) or __proto__-like keys.
  expressApp.use(bodyGuard());
  // Row-level security: each request runs in its own database context (src/database/rls). Plain
  // Express middleware, not Nest's: that one would give unmatched URLs a route.
  const databaseContext: RequestMiddleware[] = config.databaseRls ? [requestDbContext] : [];
  for (const middleware of databaseContext) expressApp.use(middleware);
  const filter = new AllExceptionsFilter();
  const validation = createValidationPipe();
  app.useGlobalFilters(filter);
  app.useGlobalPipes(validation);
  // The storefront's hottest reads, answered ahead of Express with the same middlewares (a GET
  // without a body skips nothing the parsers and the body guard would do), pipes and filter.
  if (config.directReads) {
    installDirectReads(app, {
      routes: findDirectReadRoutes(app, API_PREFIX, letsAnonymousThrough),
      middlewares: [...everyRequest, ...databaseContext],
      pipes: [validation],
      filter,
    });
  }

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}-json` });
  return app;
}
