import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server in the test process; every message it accepts is parsed and kept. */
export interface Mailbox {
  /** `smtp://test:test@127.0.0.1:<port>`, for SMTP_URL (any credentials, or none, are accepted). */
  readonly smtpUrl: string;
  readonly port: number;
  /** Every message received since the start (or the last `clear()`), in arrival order. */
  readonly messages: ParsedMail[];
  /** The first message (received or still to come) matching `predicate`; rejects after `timeoutMs`. */
  waitFor(predicate: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  /** The `token=…` of the link in the text body (URL-decoded); throws when there is none. */
  tokenFrom(mail: ParsedMail): string;
  /** Messages whose To includes `address` (case-insensitive). */
  to(address: string): ParsedMail[];
  clear(): void;
  /** Closes the port: senders get "connection refused" (an outage). */
  stop(): Promise<void>;
  /** Listens again on the same port, keeping the messages received so far. */
  restart(): Promise<void>;
}

/** The addresses of a parsed message's To header, lower-cased. */
export function recipientsOf(mail: ParsedMail): string[] {
  const to = mail.to === undefined ? [] : Array.isArray(mail.to) ? mail.to : [mail.to];
  return to.flatMap((group) => group.value.map((a) => (a.address ?? '').toLowerCase()));
}

export function tokenFrom(mail: ParsedMail): string {
  const match = /[?&]token=([^\s&"'<>)]+)/.exec(mail.text ?? '');
  if (!match) throw new Error(`no token=… link in the text body of "${mail.subject ?? ''}"`);
  return decodeURIComponent(match[1]);
}

export async function startMailbox(): Promise<Mailbox> {
  const messages: ParsedMail[] = [];
  const listeners = new Set<() => void>();
  let port = 0;

  const createServer = (): SMTPServer =>
    new SMTPServer({
      authOptional: true,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      disableReverseLookup: true,
      // Without this, close() waits 30 s for a sender's open connection.
      closeTimeout: 100,
      logger: false,
      onAuth(auth, _session, callback) {
        callback(null, { user: auth.username ?? 'anonymous' });
      },
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            messages.push(mail);
            for (const notify of listeners) notify();
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });

  const listen = async (server: SMTPServer, onPort: number): Promise<number> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(onPort, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.server.address() as AddressInfo).port);
      });
    });

  let server: SMTPServer | null = createServer();
  port = await listen(server, 0);

  const waitFor = (predicate: (mail: ParsedMail) => boolean, timeoutMs = 10_000): Promise<ParsedMail> =>
    new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = messages.find(predicate);
        if (!found) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        const seen = messages.map((m) => `"${m.subject ?? ''}" → ${recipientsOf(m).join(',')}`);
        reject(new Error(`no matching mail within ${timeoutMs} ms; received: [${seen.join('; ')}]`));
      }, timeoutMs);
      const notify = (): void => void check();
      const cleanup = (): void => {
        clearTimeout(timer);
        listeners.delete(notify);
      };
      listeners.add(notify);
      check();
    });

  return {
    get smtpUrl() {
      return `smtp://test:test@127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    messages,
    waitFor,
    tokenFrom,
    to: (address) => messages.filter((m) => recipientsOf(m).includes(address.toLowerCase())),
    clear: () => {
      messages.length = 0;
    },
    async stop() {
      const closing = server;
      server = null;
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    async restart() {
      if (server) return;
      server = createServer();
      await listen(server, port);
    },
  };
}
