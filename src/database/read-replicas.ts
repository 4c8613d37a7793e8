import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.module';
import { buildDataSourceOptions } from './data-source-options';
import { installQueryDeadlines } from './query-deadlines';
import { setPreparedStatements } from './prepared-query';
import { installContextStamping } from './rls/context-stamping';

/** How long a replica that failed is left alone before a read tries it again. */
export const REPLICA_RETRY_MS = 5000;

/** Connection-level failures: the replica is gone, starting, full, or cancelled our read (recovery conflict). */
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300', '40001']);

interface Replica {
  label: string;
  dataSource: DataSource;
  ready?: Promise<void>;
  downUntil: number;
}

/**
 * The storefront's catalog reads (DATABASE_REPLICA_URLS): round robin over the streaming replicas,
 * each its own DataSource (same options, row-level security stamping and prepared-statement switch as
 * the primary's). A replica that fails at the connection level is skipped for REPLICA_RETRY_MS and the
 * read is run again on the primary, so a dead replica costs a read at most one connect timeout. No
 * replicas configured: everything reads the primary. Only for reads that may be as old as the
 * replica's lag (docs/operations.md, "Database tier"): never a transaction, never what a customer just
 * wrote.
 */
@Injectable()
export class ReadReplicas implements OnApplicationShutdown {
  private readonly logger = new Logger('ReadReplicas');
  private readonly replicas: Replica[];
  private next = 0;

  constructor(
    @InjectDataSource() private readonly primary: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.replicas = config.databaseReplicaUrls.map((url, index) => ({
      label: `replica ${index + 1} (${new URL(url).host})`,
      dataSource: new DataSource({
        ...buildDataSourceOptions(url, {
          timeouts: config.database,
          applicationName: 'commerce-api-replica-reads',
        }),
        migrations: [],
      }),
      downUntil: 0,
    }));
  }

  /** Runs `read` on a replica, or on the primary when none is configured or the chosen one fails. */
  run<T>(read: (dataSource: DataSource) => Promise<T>): Promise<T> {
    const replica = this.pick();
    // Without replicas the primary's promise itself (no async wrapper: a promise and three microtask
    // turns less on every catalog read).
    if (!replica) return read(this.primary);
    return this.runOnReplica(replica, read);
  }

  private async runOnReplica<T>(replica: Replica, read: (dataSource: DataSource) => Promise<T>): Promise<T> {
    try {
      await this.ready(replica);
      return await read(replica.dataSource);
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      replica.downUntil = Date.now() + REPLICA_RETRY_MS;
      this.logger.warn(`${replica.label} unavailable (${describe(error)}): reading the primary`);
      return read(this.primary);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const open = this.replicas.filter((r) => r.dataSource.isInitialized);
    await Promise.all(open.map((r) => r.dataSource.destroy()));
  }

  private pick(): Replica | undefined {
    const now = Date.now();
    for (let i = 0; i < this.replicas.length; i++) {
      const replica = this.replicas[this.next++ % this.replicas.length];
      if (replica.downUntil <= now) return replica;
    }
    return undefined;
  }

  /** Connected once, lazily: a replica down at start-up must not stop the app (it is retried later). */
  private ready(replica: Replica): Promise<void> {
    replica.ready ??= replica.dataSource.initialize().then(
      (dataSource) => {
        setPreparedStatements(dataSource, this.config.databasePreparedStatements);
        if (this.config.databaseRls)
          installContextStamping(dataSource, { appRole: this.config.databaseAppRole });
        installQueryDeadlines(dataSource, this.config.database.queryTimeoutMs);
      },
      (error: unknown) => {
        replica.ready = undefined;
        throw error;
      },
    );
    return replica.ready;
  }
}

/** Anything but an answer from a working server: no SQLSTATE (socket, timeout, pool) or a connection-class one. */
function isUnavailable(error: unknown): boolean {
  const cause = error instanceof QueryFailedError ? (error.driverError as unknown) : error;
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return true;
  return code.startsWith('08') || UNAVAILABLE_CODES.has(code);
}

function describe(error: unknown): string {
  const cause = error instanceof QueryFailedError ? (error.driverError as unknown) : error;
  return cause instanceof Error ? cause.message : String(cause);
}
