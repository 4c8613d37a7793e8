/**
 * A real webhook receiver for the tests: node:http on 127.0.0.1, recording every request and
 * verifying its Standard Webhooks signature with an implementation of its own (written from the
 * spec, not imported from src/), so a signing bug in the app cannot hide behind the same bug here.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  receivedAt: number;
}

/** What the receiver does with a request: answer this status, or never answer. */
export type Answer = number | 'hang' | { status: number; delayMs: number };
/** Decides per request; `seen` counts earlier requests with the same webhook-id on this path. */
export type Behaviour = (request: ReceivedWebhook, seen: number) => Answer;

/** `v1,<sig>` entries of a webhook-signature header, checked against the secret (whsec_ + base64 key). */
export function verifySignature(secret: string, headers: IncomingMessage['headers'], body: string): boolean {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const header = headers['webhook-signature'];
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof header !== 'string') return false;
  if (!secret.startsWith('whsec_')) return false;
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return header.split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    if (version !== 'v1' || !signature) return false;
    const given = Buffer.from(signature, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

export class Receiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly behaviours = new Map<string, Behaviour>();
  private readonly hanging = new Set<ServerResponse>();
  private server: Server | undefined;
  port = 0;

  /** Requests to `path` get `behaviour`'s answer (default: 200). */
  on(path: string, behaviour: Behaviour): void {
    this.behaviours.set(path, behaviour);
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  at(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request: ReceivedWebhook = {
          path: req.url ?? '/',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          receivedAt: Date.now(),
        };
        const seen = this.received.filter(
          (r) => r.path === request.path && r.headers['webhook-id'] === request.headers['webhook-id'],
        ).length;
        this.received.push(request);
        const answer = (this.behaviours.get(request.path) ?? (() => 200))(request, seen);
        if (answer === 'hang') {
          this.hanging.add(res);
          return;
        }
        const { status, delayMs } = typeof answer === 'number' ? { status: answer, delayMs: 0 } : answer;
        const reply = () => res.writeHead(status, { 'content-type': 'text/plain' }).end(String(status));
        if (delayMs > 0) setTimeout(reply, delayMs);
        else reply();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
