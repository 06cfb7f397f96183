import { join } from 'node:path';
import { DEFAULT_PORTS } from '@portal/config';
import { stackUrlsEnv } from '@portal/local-services';

/**
 * The environment every app gets in a local run: where the shared services are and
 * where the other apps listen (all ports shifted by `offset`).
 */
export function stackEnv(options: {
  root: string;
  dataDir: string;
  offset: number;
  mongoUri: string;
  redisUrl: string;
  smtpUrl: string;
  pretty: boolean;
  dotEnv: Record<string, string>;
}): NodeJS.ProcessEnv {
  const p = (name: keyof typeof DEFAULT_PORTS) => DEFAULT_PORTS[name] + options.offset;
  return {
    ...options.dotEnv,
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    LOG_FORMAT: process.env.LOG_FORMAT ?? (options.pretty ? 'pretty' : 'json'),
    DATA_DIR: options.dataDir,
    MONGODB_URI: options.mongoUri,
    REDIS_URL: options.redisUrl,
    SMTP_URL: options.smtpUrl,
    PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL ?? `http://localhost:${p('gateway')}`,
    // Links to the portal's pages (mail, feeds, the assistant's citations) go to the web portal.
    WEB_BASE_URL: process.env.WEB_BASE_URL ?? `http://localhost:${p('portal-web')}`,
    ...stackUrlsEnv(p),
    JWT_PUBLIC_KEY_FILE: join(options.dataDir, 'keys', 'dev-idp-public.pem'),
    // A local run may send webhooks to a receiver on this machine (the notifier refuses
    // loopback and private addresses unless they are listed here).
    WEBHOOK_ALLOWED_HOSTS: process.env.WEBHOOK_ALLOWED_HOSTS ?? '127.0.0.1,localhost',
  };
}
