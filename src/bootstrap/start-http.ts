import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { configureApp } from '../app.setup';
import { AppExpressAdapter } from '../common/http/app-express-adapter';
import { AppConfig } from '../config/app-config';
import { useAppLogger } from '../logging/app-logger';
import { Running } from './running';

/** Creates the Nest app (its logs buffered until pino takes over), configures it and listens on PORT. */
export async function startHttp(
  config: AppConfig & { databaseUrl: string },
  running: Running,
  // A cluster worker stays quiet: its primary announces once every worker listens.
  { announce = true }: { announce?: boolean } = {},
): Promise<void> {
  const app = await NestFactory.create(AppModule.forRoot(config), new AppExpressAdapter(), {
    rawBody: true,
    bufferLogs: true,
    // Let start-up errors reach our handler instead of process.abort().
    abortOnError: false,
  });
  running.app = app;
  useAppLogger(app);
  configureApp(app);
  await app.listen(config.port);
  if (!announce) return;

  process.stdout.write(`API: http://localhost:${config.port}/api\n`);
  process.stdout.write(`Docs: http://localhost:${config.port}/api/docs\n`);
}
