// The 1022 hotline simulator (development and tests only): read env, serve, stop on SIGTERM.
import { runService } from '@portal/service-runtime';
import { env, simConfigFromEnv } from './env';
import { startHotlineSim } from './server';

await runService({ name: 'hotline-sim', env }, async ({ logger, production, onClose }) => {
  if (production)
    logger.warn('the hotline simulator is a stand-in for development and tests, not a hotline');
  const sim = await startHotlineSim(simConfigFromEnv(env), logger);
  onClose(() => sim.close());
});
