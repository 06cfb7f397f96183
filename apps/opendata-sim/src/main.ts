// The city's CKAN open-data portal, simulated (development and tests only): read env, serve, stop on SIGTERM.
import { runService } from '@portal/service-runtime';
import { env, simConfigFromEnv } from './env';
import { startOpendataSim } from './server';

await runService({ name: 'opendata-sim', env }, async ({ logger, production, onClose }) => {
  if (production)
    logger.warn('the open-data simulator is a stand-in for development and tests, not a portal');
  const sim = await startOpendataSim(simConfigFromEnv(env), logger);
  onClose(() => sim.close());
});
