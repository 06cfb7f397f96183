import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Registry } from 'prom-client';
import { REQUEST_ID_HEADER, REQUEST_TIMEOUT_HEADER } from '@portal/auth';
import { requestIdFrom, runWithRequestContext } from '@portal/logger';
import type { Metrics } from './metrics';

/** A named dependency check for /readyz (e.g. "mongo", "redis"). */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

const CHECK_TIMEOUT_MS = 2000;

async function runChecks(
  checks: ReadinessCheck[],
): Promise<{ ok: boolean; checks: Record<string, string> }> {
  const results = await Promise.all(
    checks.map(async ({ name, check }) => {
      try {
        await Promise.race([
          check(),
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref(),
          ),
        ]);
        return [name, 'ok'] as const;
      } catch (err) {
        return [name, (err as Error).message || 'failed'] as const;
      }
    }),
  );
  return { ok: results.every(([, r]) => r === 'ok'), checks: Object.fromEntries(results) };
}

/** The longest a caller's x-portal-timeout-ms is believed (a bound, whoever sends it). */
const MAX_REQUEST_TIMEOUT_MS = 120_000;

/**
 * Request id on every request (from `x-request-id` or new), echoed back, and in the request
 * context with what bounds the request's work: a signal aborted when the caller goes away
 * before the answer is sent, and the caller's deadline (x-portal-timeout-ms, which the
 * gateway sends). Database reads made for the request honour both (libs/db query budget).
 */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
  res.locals.requestId = requestId;
  res.setHeader(REQUEST_ID_HEADER, requestId);
  const abandoned = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) abandoned.abort();
  });
  const timeoutMs = Number(req.headers[REQUEST_TIMEOUT_HEADER]);
  const deadline =
    Number.isInteger(timeoutMs) && timeoutMs > 0
      ? Date.now() + Math.min(timeoutMs, MAX_REQUEST_TIMEOUT_MS)
      : undefined;
  runWithRequestContext({ requestId, signal: abandoned.signal, deadline }, () => next());
}

/** Records request latency by route pattern (never by raw URL, to bound label cardinality). */
export function httpMetricsMiddleware(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const end = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const route =
        (req.route?.path as string | undefined) ??
        (res.statusCode === 404
          ? 'unmatched'
          : req.baseUrl || req.path.split('/').slice(0, 2).join('/'));
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
}

/** Adds `/healthz` (process up), `/readyz` (dependencies answer) and `/metrics` (Prometheus). */
export function mountOpsRoutes(
  app: Express,
  options: { registry: Registry; readiness: ReadinessCheck[] },
): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const result = await runChecks(options.readiness);
    res
      .status(result.ok ? 200 : 503)
      .json({ status: result.ok ? 'ready' : 'not ready', checks: result.checks });
  });
  app.get('/metrics', async (_req, res) => {
    res.setHeader('content-type', options.registry.contentType);
    res.send(await options.registry.metrics());
  });
}

export interface RunningHttpServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Listens and resolves once bound; `close()` stops accepting and ends idle keep-alive sockets. */
export async function listen(
  app: Express,
  port: number,
  host = '127.0.0.1',
): Promise<RunningHttpServer> {
  const server = createServer(app);
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    server,
    port: bound,
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 5000).unref();
      }),
  };
}

/** A small HTTP server with only the ops routes, for worker processes. */
export async function startOpsServer(options: {
  port: number;
  host?: string;
  metrics: Metrics;
  readiness: ReadinessCheck[];
}): Promise<RunningHttpServer> {
  const app = express();
  app.disable('x-powered-by');
  mountOpsRoutes(app, { registry: options.metrics.registry, readiness: options.readiness });
  return listen(app, options.port, options.host);
}
