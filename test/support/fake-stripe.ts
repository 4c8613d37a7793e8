import { once } from 'node:events';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** One request the fake received, as the SDK sent it. */
export interface FakeStripeRequest {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  authorization: string | undefined;
  /** The form-encoded body, decoded: `metadata[order_id]` stays a flat key. */
  form: Record<string, string>;
}

/** How the fake answers the next requests. */
export type FakeStripeMode = 'ok' | 'fail' | 'hang';

/**
 * A local stand-in for api.stripe.com, enough for the real `stripe` SDK: POST /v1/payment_intents,
 * POST /v1/payment_intents/:id/cancel (400 payment_intent_unexpected_state for `succeededIntents`) and
 * POST /v1/refunds. It records every request (idempotency key and form body included) and, like
 * Stripe, answers a repeated idempotency key with the first answer. `mode` makes it answer 500 or
 * never answer (so the SDK's timeout fires).
 */
export class FakeStripe {
  readonly requests: FakeStripeRequest[] = [];
  mode: FakeStripeMode = 'ok';
  /** PaymentIntents the customer has paid: Stripe refuses to cancel those. */
  readonly succeededIntents = new Set<string>();
  private readonly server: Server;
  private readonly replies = new Map<string, unknown>();
  private readonly hanging = new Set<ServerResponse>();
  private counter = 0;

  private constructor() {
    this.server = createServer((req, res) => void this.onRequest(req, res));
  }

  static async start(): Promise<FakeStripe> {
    const fake = new FakeStripe();
    fake.server.listen(0, '127.0.0.1');
    await once(fake.server, 'listening');
    return fake;
  }

  /** `http://127.0.0.1:<port>`, for STRIPE_API_URL. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  requestsTo(path: string): FakeStripeRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  reset(): void {
    this.requests.length = 0;
    this.mode = 'ok';
    this.succeededIntents.clear();
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close');
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    const header = req.headers['idempotency-key'];
    const recorded: FakeStripeRequest = {
      method: req.method ?? '',
      path: (req.url ?? '').split('?')[0],
      idempotencyKey: Array.isArray(header) ? header[0] : header,
      authorization: req.headers.authorization,
      form,
    };
    this.requests.push(recorded);

    if (this.mode === 'hang') {
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      return;
    }
    if (this.mode === 'fail') {
      return this.send(res, 500, { error: { type: 'api_error', message: 'Fake Stripe is down' } });
    }
    const replayKey = recorded.idempotencyKey && `${recorded.path} ${recorded.idempotencyKey}`;
    if (replayKey && this.replies.has(replayKey)) return this.send(res, 200, this.replies.get(replayKey));

    let reply: unknown;
    if (recorded.method === 'POST' && recorded.path === '/v1/payment_intents') {
      const id = `pi_fake_${++this.counter}`;
      reply = {
        id,
        object: 'payment_intent',
        amount: Number(form.amount),
        currency: form.currency,
        metadata: { order_id: form['metadata[order_id]'] },
        status: 'requires_payment_method',
        client_secret: `${id}_secret_${this.counter}`,
      };
    } else if (recorded.method === 'POST' && recorded.path === '/v1/refunds') {
      reply = {
        id: `re_fake_${++this.counter}`,
        object: 'refund',
        amount: Number(form.amount),
        payment_intent: form.payment_intent,
        status: 'succeeded',
      };
    } else if (recorded.method === 'POST' && /^\/v1\/payment_intents\/[^/]+\/cancel$/.test(recorded.path)) {
      const id = recorded.path.split('/')[3];
      if (this.succeededIntents.has(id)) {
        return this.send(res, 400, {
          error: {
            type: 'invalid_request_error',
            code: 'payment_intent_unexpected_state',
            message: `You cannot cancel this PaymentIntent because it has a status of succeeded.`,
          },
        });
      }
      reply = {
        id,
        object: 'payment_intent',
        status: 'canceled',
        cancellation_reason: form.cancellation_reason ?? null,
      };
    } else {
      return this.send(res, 404, { error: { type: 'invalid_request_error', message: 'Unknown fake route' } });
    }
    if (replayKey) this.replies.set(replayKey, reply);
    this.send(res, 200, reply);
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}
