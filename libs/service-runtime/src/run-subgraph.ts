import { runService, type Runtime, type RuntimeEnv } from './run-service';
import type { SubgraphListen } from './subgraph-server';

/** The variables a subgraph process reads beyond the common ones. */
export interface SubgraphEnv extends RuntimeEnv {
  PORT: number;
  HOST: string;
  INTERNAL_TOKEN_SECRET: string;
}

/** Where the subgraph listens and whom it trusts, from its checked environment. */
export function subgraphListen(env: SubgraphEnv): SubgraphListen {
  return {
    port: env.PORT,
    host: env.HOST,
    production: env.NODE_ENV === 'production',
    internalTokenSecret: env.INTERNAL_TOKEN_SECRET,
  };
}

/**
 * Runs a subgraph process: the shared shell (logger, database, Redis, shutdown) around
 * the app's `start`, which builds its services and calls its `startServer` (the same one
 * the tests start). The server closes first at shutdown, waiting for requests in flight.
 */
export async function runSubgraph<E extends SubgraphEnv>(
  spec: { name: string; env: E },
  start: (rt: Runtime<E>) => Promise<{ close(): Promise<void> }>,
): Promise<void> {
  await runService(spec, async (rt) => {
    const server = await start(rt);
    rt.onClose(() => server.close());
  });
}
