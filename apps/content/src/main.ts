// The content subgraph: articles, categories, feeds and view counting (port 4001).
import { runSubgraph, subgraphListen } from '@portal/service-runtime';
import { openContent } from './content-services';
import { env } from './env';
import { startServer } from './server';

await runSubgraph({ name: 'content', env }, async (rt) => {
  const { queues, services } = await openContent(rt);
  // Jobs recorded while Redis was unreachable are handed over as soon as it is back.
  queues.outbox.start();
  return startServer({
    ...rt,
    ...subgraphListen(env),
    publicBaseUrl: env.PUBLIC_BASE_URL,
    webBaseUrl: env.WEB_BASE_URL,
    services,
  });
});
