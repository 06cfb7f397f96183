import {
  createLagMonitor,
  startOpsServer,
  type Metrics,
  type RunningHttpServer,
} from '@portal/http';
import type { Runtime, RuntimeEnv } from './run-service';

/**
 * A process's ops server on `port`: `/healthz`, `/readyz` (the runtime's checks — the live
 * list, so checks added after it starts count too — with the event-loop delay added) and
 * `/metrics`. Closed at shutdown after everything registered later (closers run last-added first).
 */
export async function serveOps(
  rt: Runtime<RuntimeEnv>,
  options: { port: number; host: string; metrics: Metrics },
): Promise<RunningHttpServer> {
  const lag = createLagMonitor();
  rt.addReadiness(lag.readiness);
  const ops = await startOpsServer({ ...options, readiness: rt.readiness });
  rt.onClose(async () => {
    lag.stop();
    await ops.close();
  });
  return ops;
}
