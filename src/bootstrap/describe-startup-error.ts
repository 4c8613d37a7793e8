import { AppConfig } from '../config/app-config';

/** A start-up problem whose message is meant for a human: printed as is, every line. */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

/** The reason printed after "Start-up failed: ": one line, unless the lines are the point. */
export function describeStartupError(error: unknown, config: AppConfig): string {
  if (error instanceof StartupError) {
    return error.message;
  }
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE') {
    return `port ${config.port} is already in use (set PORT to a free port)`;
  }
  // A migration that refuses lists every violation and the fix over several lines: keep them all.
  if (error instanceof Error && /^Migration .* refused/.test(error.message)) {
    return error.message;
  }
  return firstLine(error);
}

/** host:port/database, never the password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
