import { baseEnv, loadEnv, mongoEnv, z } from '@portal/config';

/** The webhook CLI needs only the notifier's database. */
export const cliEnv = loadEnv('webhook', () => ({
  ...baseEnv(),
  ...mongoEnv('portal_notifier'),
  /** As for the worker (see src/env.ts): non-public hosts an endpoint may name, e.g. a dev receiver. */
  WEBHOOK_ALLOWED_HOSTS: z.string().default(''),
}));
