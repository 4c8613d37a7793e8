/**
 * Every periodic job of the app: one pg-boss queue each, created by migration 0025 (the app's role
 * may not create one). A new job adds its name here and a migration that creates its queue.
 */
export const JOB_QUEUES = [
  'reservations-sweep',
  'events-dispatch',
  'webhooks-deliver',
  'retention-prune',
] as const;
export type JobName = (typeof JOB_QUEUES)[number];
