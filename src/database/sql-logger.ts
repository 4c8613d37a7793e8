import { Logger as NestLogger } from '@nestjs/common';
import { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM's statements through the app's logger (pino, with the request id), instead of TypeORM's
 * own console output, which bypassed the structured log and its redaction. Parameters are never
 * written: they carry password hashes, token hashes, emails and addresses; only their number is.
 */
export class SqlLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('SQL');

  logQuery(query: string, parameters?: unknown[] | object): void {
    this.logger.debug(`${query}${describeParameters(parameters)}`);
  }

  logQueryError(error: string | Error, query: string, parameters?: unknown[] | object): void {
    const message = typeof error === 'string' ? error : error.message;
    this.logger.debug(`failed (${message}): ${query}${describeParameters(parameters)}`);
  }

  logQuerySlow(time: number, query: string, parameters?: unknown[] | object): void {
    this.logger.warn(`slow (${time} ms): ${query}${describeParameters(parameters)}`);
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = typeof message === 'string' ? message : JSON.stringify(message);
    if (level === 'warn') this.logger.warn(text);
    else this.logger.debug(text);
  }
}

function describeParameters(parameters: unknown[] | object | undefined): string {
  if (parameters === undefined) return '';
  const count = Array.isArray(parameters) ? parameters.length : Object.keys(parameters).length;
  return count > 0 ? ` -- ${count} parameter(s), values not logged` : '';
}
