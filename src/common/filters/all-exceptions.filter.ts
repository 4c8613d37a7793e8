import { STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { EntityNotFoundError } from 'typeorm';
import { DATABASE_RETRY_AFTER_SECONDS, mapDatabaseError } from '../database-errors';
import { AppException, ErrorBody } from '../errors';

/** What the filter needs from the platform's request and response (Express here). */
interface HttpRequestLike {
  method?: string;
  originalUrl?: string;
  url?: string;
}
interface HttpResponseLike {
  headersSent?: boolean;
  setHeader?(name: string, value: string): unknown;
  status(code: number): { json(body: unknown): unknown };
}

/** An error raised by body-parser before any controller runs (http-errors shape). */
interface BodyParserError {
  type: string;
  status: number;
  expose?: boolean;
  message: string;
}

/**
 * Gives every error the one documented shape `{ statusCode, error, message, code?, details? }`.
 * Database constraint errors become 400/409 (the database is the judge of uniqueness and references);
 * anything unexpected becomes a generic 500 and is logged with its stack, never echoed to the client.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ExceptionsFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<HttpResponseLike>();
    const request = http.getRequest<HttpRequestLike>();
    const body = this.toBody(exception, request);

    if (response.headersSent) {
      // Streaming already started: the status line is gone, only the log can tell.
      this.logger.error(`Error after the response was sent: ${describe(exception)}`);
      return;
    }
    if (body.code === 'DATABASE_UNAVAILABLE') {
      // An outage is usually short (a restart, a failover): tell clients when to try again.
      response.setHeader?.('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, request: HttpRequestLike): ErrorBody {
    if (exception instanceof HttpException) {
      return fromHttpException(exception);
    }
    // Not only QueryFailedError: a pool that cannot connect rejects with the raw pg or socket error.
    const mapped = mapDatabaseError(exception);
    if (mapped) {
      if (mapped.status >= 500) {
        this.logger.warn(`${route(request)}: ${mapped.code} (${describe(exception)})`);
      }
      return build(mapped.status, mapped.message, mapped.code, mapped.details);
    }
    if (exception instanceof EntityNotFoundError) {
      // TypeORM's own message lists the search criteria: keep those out of the response.
      return build(HttpStatus.NOT_FOUND, 'Not found', 'NOT_FOUND');
    }
    const parserException = bodyParserException(exception);
    if (parserException) {
      return fromHttpException(parserException);
    }
    this.logger.error(
      `Unhandled error on ${route(request)}: ${describe(exception)}`,
      exception instanceof Error ? exception.stack : undefined,
    );
    return build(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error', 'INTERNAL_ERROR');
  }
}

function fromHttpException(exception: HttpException): ErrorBody {
  const status = exception.getStatus();
  const payload = exception.getResponse();
  if (typeof payload === 'string') {
    return build(status, payload);
  }
  const fields = payload as { message?: unknown; code?: unknown; details?: unknown };
  const message = Array.isArray(fields.message)
    ? fields.message.map(String).join('; ')
    : typeof fields.message === 'string'
      ? fields.message
      : exception.message;
  const code = typeof fields.code === 'string' ? fields.code : undefined;
  return build(status, message, code, fields.details);
}

function build(statusCode: number, message: string, code?: string, details?: unknown): ErrorBody {
  const body: ErrorBody = {
    statusCode,
    error: STATUS_CODES[statusCode] ?? 'Error',
    message,
    code: code ?? defaultCode(statusCode),
  };
  if (details !== undefined) {
    body.details = details;
  }
  return body;
}

/** A code even for plain Nest exceptions (NotFoundException → NOT_FOUND), so clients can always branch. */
function defaultCode(status: number): string {
  if (status === 500) {
    return 'INTERNAL_ERROR';
  }
  const phrase = STATUS_CODES[status] ?? 'Error';
  return phrase
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .toUpperCase();
}

/**
 * body-parser's errors (bad JSON, too large, bad charset) as client errors. Used by the Express error
 * middleware that configureApp installs right after the parsers, because Nest itself would turn a JSON
 * syntax error into a plain BadRequestException and lose what it was.
 */
export function bodyParserException(error: unknown): AppException | undefined {
  if (!isBodyParserError(error)) {
    return undefined;
  }
  if (error.type === 'entity.parse.failed') {
    return new AppException(HttpStatus.BAD_REQUEST, 'MALFORMED_JSON', 'The request body is not valid JSON');
  }
  if (error.type === 'entity.too.large') {
    return new AppException(
      HttpStatus.PAYLOAD_TOO_LARGE,
      'PAYLOAD_TOO_LARGE',
      'The request body is too large',
    );
  }
  if (error.expose && error.status >= 400 && error.status < 500) {
    return new AppException(error.status, defaultCode(error.status), error.message);
  }
  return undefined;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  const candidate = error as Partial<BodyParserError>;
  return typeof candidate.type === 'string' && typeof candidate.status === 'number';
}

function route(request: HttpRequestLike): string {
  return `${request.method ?? '?'} ${request.originalUrl ?? request.url ?? '?'}`;
}

function describe(exception: unknown): string {
  if (exception instanceof Error) {
    return `${exception.name}: ${exception.message}`;
  }
  return String(exception);
}
