import { Module } from '@nestjs/common';
import { TypeOrmModule, TypeOrmModuleOptions } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.module';
import { buildDataSourceOptions } from './data-source-options';

/** The app's one TypeORM DataSource, built from the same options as the CLI, scripts and tests. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): TypeOrmModuleOptions => {
        if (!config.databaseUrl) {
          // main.ts fills it in from the embedded server before the app is created.
          throw new Error('No database URL: set DATABASE_URL or start the app through src/main.ts');
        }
        return {
          ...buildDataSourceOptions(config.databaseUrl, {
            logging: config.logLevel === 'debug' || config.logLevel === 'verbose',
            timeouts: config.database,
          }),
          // main.ts has already connected (migrations); a long retry loop would only hide a real outage.
          retryAttempts: 2,
          retryDelay: 1000,
        };
      },
    }),
  ],
})
export class DatabaseModule {}
