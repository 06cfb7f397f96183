// The city's CKAN open-data portal, simulated (development and tests only): read env, serve, stop on SIGTERM.
import { runHttpApp } from '@portal/service-runtime';
import { env, simConfigFromEnv } from './env';
import { startOpendataSim } from './server';

await runHttpApp({ name: 'opendata-sim', env }, async ({ logger, production }) => {
  if (production)
    logger.warn('the open-data simulator is a stand-in for development and tests, not a portal');
  return startOpendataSim(simConfigFromEnv(env), logger);
});
