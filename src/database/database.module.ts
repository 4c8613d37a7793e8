import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { TypeOrmModule, TypeOrmModuleOptions } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.module';
import { buildDataSourceOptions } from './data-source-options';
import { setPreparedStatements } from './prepared-query';
import { installQueryDeadlines } from './query-deadlines';
import { ReadReplicas } from './read-replicas';
import { installContextStamping } from './rls/context-stamping';

/** Installed when the DataSource exists (connected), before any module's start-up hook can query. */
@Injectable()
class DataSourceSetup {
  constructor(dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    if (config.databaseRls) installContextStamping(dataSource, { appRole: config.databaseAppRole });
    setPreparedStatements(dataSource, config.databasePreparedStatements);
    installQueryDeadlines(dataSource, config.database.queryTimeoutMs);
  }
}

/**
 * The app's one TypeORM DataSource, built from the same options as the CLI, scripts and tests. With
 * DATABASE_RLS on, every connection it hands out carries the context of the request (middleware in
 * app.setup.ts) or background job that asked (src/database/rls; docs/security.md, "Row-level security").
 * ReadReplicas (global) serves the storefront's catalog reads from DATABASE_REPLICA_URLS.
 */
@Global()
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
  providers: [DataSourceSetup, ReadReplicas],
  exports: [ReadReplicas],
})
export class DatabaseModule {}
