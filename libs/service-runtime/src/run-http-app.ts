import { createMetrics, type Metrics } from '@portal/http';
import { runService, type Runtime, type RuntimeEnv } from './run-service';
import { serveOps } from './serve-ops';

/** The variables an HTTP app reads beyond the common ones. */
export interface HttpAppEnv extends RuntimeEnv {
  PORT: number;
  HOST: string;
  /** An ops port (/healthz, /readyz, /metrics) off the public one, for apps that have one. */
  OPS_PORT?: number;
}

export interface HttpAppRuntime<E extends HttpAppEnv> extends Runtime<E> {
  /** The process's metrics, served on the ops port. */
  metrics: Metrics;
  /** The port the ops server listens on (when the env has an OPS_PORT). */
  opsPort?: number;
}

/**
 * Runs an HTTP app that is not a subgraph (the web portal, the simulators): the shared
 * shell around the app's `start`, which starts its server (the same one the tests start)
 * and returns it. With an OPS_PORT in its env, an ops server there serves `/healthz`,
 * `/readyz` (the database and Redis when configured, event-loop delay, and what the app
 * adds through rt.addReadiness) and `/metrics` (rt.metrics). At shutdown the app's server
 * closes first, waiting for requests in flight, then the ops server.
 */
export async function runHttpApp<E extends HttpAppEnv>(
  spec: { name: string; env: E; shutdownTimeoutMs?: number },
  start: (rt: HttpAppRuntime<E>) => Promise<{ close(): Promise<unknown> }>,
): Promise<void> {
  await runService(spec, async (base) => {
    const { env } = base;
    const rt: HttpAppRuntime<E> = Object.assign(Object.create(base) as Runtime<E>, {
      metrics: createMetrics(spec.name),
    });
    if (env.OPS_PORT !== undefined) {
      // Started first, so it closes after the app's server (closers run last-added first).
      const ops = await serveOps(base, { port: env.OPS_PORT, host: env.HOST, metrics: rt.metrics });
      rt.opsPort = ops.port;
    }
    const server = await start(rt);
    base.onClose(() => server.close());
  });
}
