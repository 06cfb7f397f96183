import { baseEnv, loadEnv, mongoEnv } from '@portal/config';

/** The webhook CLI needs only the notifier's database. */
export const cliEnv = loadEnv('webhook', () => ({
  ...baseEnv(),
  ...mongoEnv('portal_notifier'),
}));
