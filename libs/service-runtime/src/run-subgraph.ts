import { runService, type Runtime, type RuntimeEnv } from './run-service';

/** The variables a subgraph process reads beyond the common ones. */
export interface SubgraphEnv extends RuntimeEnv {
  PORT: number;
  HOST: string;
  INTERNAL_TOKEN_SECRET: string;
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
