import { Counter } from 'prom-client';

/**
 * Outcome counters that domain modules bump where the outcome is known (one call each). Module-level
 * and in no registry of their own: every app's MetricsService registers them in its registry, so a
 * module counts without depending on Nest wiring. Label values are fixed lists: never ids or URLs.
 */

export type CheckoutOutcome =
  'created' | 'replayed' | 'insufficient_stock' | 'payment_failed' | 'rejected' | 'error';

export const checkoutOutcomes = new Counter<'outcome'>({
  name: 'commerce_checkout_outcomes_total',
  help: 'Checkout requests by outcome: created, replayed (same Idempotency-Key), insufficient_stock, payment_failed (502), rejected (other 4xx), error (5xx)',
  labelNames: ['outcome'],
  registers: [],
});

export type WebhookSendOutcome = 'succeeded' | 'retrying' | 'failed';

export const webhookSends = new Counter<'outcome'>({
  name: 'commerce_webhook_sends_total',
  help: 'Webhook sends by outcome: succeeded (2xx), retrying (failed, another attempt scheduled), failed (attempts used up)',
  labelNames: ['outcome'],
  registers: [],
});

export type MailSendOutcome = 'sent' | 'refused' | 'failed';

export const mailSends = new Counter<'template' | 'outcome'>({
  name: 'commerce_mail_sends_total',
  help: 'Email sends by template and outcome: sent, refused (permanent, not retried), failed (retried by the outbox)',
  labelNames: ['template', 'outcome'],
  registers: [],
});

export const DOMAIN_METRICS = [checkoutOutcomes, webhookSends, mailSends];
