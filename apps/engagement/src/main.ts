// The engagement subgraph: surveys and polls, events, contests and the CSV export (port 4006).
import { Outbox } from '@portal/queue';
import { runSubgraph } from '@portal/service-runtime';
import { env, serverConfig } from './env';
import { closeProducers, createProducers } from './jobs/producers';
import { engagementModels } from './models';
import { startServer } from './server';

await runSubgraph({ name: 'engagement', env }, async (rt) => {
  await engagementModels.prepare(rt.conn);
  const producers = createProducers(rt.redis, env.QUEUE_PREFIX);
  // E-mails and reminders that follow a write are recorded here first, and relayed if Redis was down.
  const outbox = new Outbox(rt.conn, producers, rt.logger);
  outbox.start();
  rt.onClose(() => closeProducers(producers));
  rt.onClose(() => outbox.stop());
  return startServer(serverConfig(env), { ...rt, outbox, events: producers['engagement-events'] });
});
