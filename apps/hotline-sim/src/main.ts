// The 1022 hotline simulator (development and tests only): read env, serve, stop on SIGTERM.
import { runHttpApp } from '@portal/service-runtime';
import { env, simConfigFromEnv } from './env';
import { startHotlineSim } from './server';

await runHttpApp({ name: 'hotline-sim', env }, async ({ logger, production }) => {
  if (production)
    logger.warn('the hotline simulator is a stand-in for development and tests, not a hotline');
  return startHotlineSim(simConfigFromEnv(env), logger);
});
