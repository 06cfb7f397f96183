// The assistant subgraph: open-data catalog queries and `ask` with citations (port 4007).
import { runSubgraph } from '@portal/service-runtime';
import { env, serverConfig } from './env';
import { catalogJobs, closeProducers, createProducers } from './jobs/producers';
import { assistantModels } from './models';
import { startServer } from './server';

await runSubgraph({ name: 'assistant', env }, async (rt) => {
  await assistantModels.prepare(rt.conn);
  const producers = createProducers(rt.redis, env.QUEUE_PREFIX);
  rt.onClose(() => closeProducers(producers));
  return startServer(serverConfig(env), {
    conn: rt.conn,
    redis: rt.redis,
    jobs: catalogJobs(producers),
    logger: rt.logger,
  });
});
