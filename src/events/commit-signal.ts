import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import {
  DataSource,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

/**
 * Tells this process's dispatcher that a transaction which recorded events has committed: the
 * in-process kick that makes delivery immediate without a NOTIFY (whose commit-time lock would
 * serialise every recording transaction, the checkout among them). Other instances find the events
 * by polling. A TypeORM subscriber on the app's DataSource; only a real COMMIT counts (releasing a
 * savepoint fires the same hook with the transaction still open).
 */
@Injectable()
export class CommitSignal implements EntitySubscriberInterface, OnModuleInit, OnModuleDestroy {
  private readonly recording = new WeakSet<QueryRunner>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  onModuleDestroy(): void {
    const index = this.dataSource.subscribers.indexOf(this);
    if (index >= 0) this.dataSource.subscribers.splice(index, 1);
  }

  /** `queryRunner`'s transaction recorded events. */
  mark(queryRunner: QueryRunner): void {
    this.recording.add(queryRunner);
  }

  onCommit(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (event.queryRunner.isTransactionActive || !this.recording.delete(event.queryRunner)) return;
    for (const listener of this.listeners) listener();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.recording.delete(event.queryRunner);
  }
}
