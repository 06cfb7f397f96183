// The forum subgraph: threads, replies, votes, flags, moderation and official answers (port 4003).
import { runSubgraph } from '@portal/service-runtime';
import { loadServerEnv } from './env';
import { rulesFromEnv } from './rules-from-env';
import { startServer } from './server';

const env = loadServerEnv();
await runSubgraph({ name: 'forum', env }, (rt) =>
  startServer({
    ...rt,
    connection: rt.conn,
    port: env.PORT,
    host: env.HOST,
    internalTokenSecret: env.INTERNAL_TOKEN_SECRET,
    queuePrefix: env.QUEUE_PREFIX,
    rules: rulesFromEnv(env),
    outboxRelayMs: 5000,
  }),
);
