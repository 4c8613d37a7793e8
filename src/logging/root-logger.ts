import { DestinationStream, Logger, LoggerOptions, LevelWithSilent, pino } from 'pino';
import { prettyFactory } from 'pino-pretty';
import { LogFormat, LogLevel } from '../config/app-config';
import { redactSecrets } from './redaction';

/** Where log lines go: a pino destination, and whether it is a terminal (colours only then). */
export interface LogSink {
  stream: DestinationStream;
  isTty: boolean;
}

/** LOG_LEVEL (Nest's names) → pino's: `log` is info, `verbose` is trace. */
const PINO_LEVELS: Record<LogLevel, LevelWithSilent> = {
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

export function pinoLevel(level: LogLevel): LevelWithSilent {
  return PINO_LEVELS[level];
}

let stdoutSink: LogSink | undefined;

/** Lines are written once this many bytes wait (about ten access lines), or every FLUSH_EVERY_MS. */
export const LOG_BATCH_BYTES = 4096;
export const LOG_FLUSH_EVERY_MS = 100;

/**
 * Standard output, shared by every logger of the process (main.ts's start-up logger and the app's).
 * Asynchronous (sonic-boom): a request never waits for a write; pino flushes what is left at exit.
 * Batched: one write(2) per ~4 KB instead of one per access line (a write and its thread-pool round
 * trip cost the product page ~20 µs of CPU each, docs/benchmarks.md 2026-12-03); a quiet process
 * still shows each line within LOG_FLUSH_EVERY_MS. A process killed outright (SIGKILL, OOM) loses at
 * most those 100 ms of lines, as it lost the write in flight before.
 */
export function defaultLogSink(): LogSink {
  stdoutSink ??= {
    stream: pino.destination({
      dest: 1,
      sync: false,
      minLength: LOG_BATCH_BYTES,
      periodicFlush: LOG_FLUSH_EVERY_MS,
    }),
    isTty: process.stdout.isTTY === true,
  };
  return stdoutSink;
}

/** Fields the pretty format folds into the message line instead of printing them after it. */
const PRETTY_HIDDEN = 'pid,hostname,context,requestId,method,route,url,status,durationMs';

/**
 * The process's pino logger. `json`: one JSON object per line (level as a label, `time` in epoch ms). `pretty`:
 * one readable line per entry (`12:00:00.000 INFO [Context] message (request id)`), coloured only on
 * a terminal, formatted in this thread (it is for development: production logs JSON).
 */
export function createRootLogger(options: { level: LogLevel; format: LogFormat; sink: LogSink }): Logger {
  const { level, format, sink } = options;
  const pinoOptions: LoggerOptions = {
    level: pinoLevel(level),
    // pino's default epoch milliseconds: an ISO string costs a Date per line (~0.5 % of a product
    // page's CPU under load); log shippers read either, and the pretty format shows clock time.
    formatters: { level: (label) => ({ level: label }), log: (object) => redactSecrets(object) },
  };
  if (format === 'json') {
    return pino(pinoOptions, sink.stream);
  }
  const prettify = prettyFactory({
    colorize: sink.isTty,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: PRETTY_HIDDEN,
    singleLine: true,
    messageFormat: '{if context}[{context}] {end}{msg}{if requestId} ({requestId}){end}',
  });
  return pino(pinoOptions, { write: (line: string) => sink.stream.write(prettify(line)) });
}
