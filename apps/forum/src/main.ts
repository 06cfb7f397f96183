// The forum subgraph: threads, replies, votes, flags, moderation and official answers (port 4003).
import { runSubgraph, subgraphListen } from '@portal/service-runtime';
import { loadServerEnv } from './env';
import { rulesFromEnv } from './rules-from-env';
import { startServer } from './server';

const env = loadServerEnv();
await runSubgraph({ name: 'forum', env }, (rt) =>
  startServer({
    ...rt,
    connection: rt.conn,
    ...subgraphListen(env),
    queuePrefix: env.QUEUE_PREFIX,
    rules: rulesFromEnv(env),
    outboxRelayMs: 5000,
  }),
);
