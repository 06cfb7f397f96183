// The web portal's ops side: what its /readyz (the gateway answers) and /metrics (requests by
// route class, server-rendering errors) report. The shared runtime (runHttpApp) serves them on
// the ops port, never on the public one.
import type { NextFunction, Request, Response } from 'express';
import { Counter } from 'prom-client';
import type { Metrics, ReadinessCheck } from '@portal/http';

/** Where a server-rendering error happened: a loader or action, or rendering the page. */
export type SsrErrorPhase = 'loader' | 'render';

/** What a request's load context tells the ops side (see entry.server.tsx). */
export interface RequestObserver {
  /** The deepest route that rendered the document, e.g. `routes/article`. */
  route(id: string): void;
  error(phase: SsrErrorPhase): void;
}

export interface PortalWebOps {
  metrics: Metrics;
  /** Records each request's latency under its route class; puts an observer in res.locals. */
  middleware(req: Request, res: Response, next: NextFunction): void;
  /** The observer of this request (its load context carries it). */
  observer(res: Response): RequestObserver;
  /** /readyz's check of the gateway. */
  readiness: ReadinessCheck;
}

/** How long one readiness answer is reused (probes from every kubelet, scrapes, people). */
const READINESS_CACHE_MS = 2000;
const GATEWAY_TIMEOUT_MS = 2000;

/**
 * The route class of a request, a bounded label: `document:<route id>` for a page rendered on
 * the server, `data` for React Router's data requests (`*.data`: loaders and actions called
 * by the browser), `asset` for built files, `file` for the public folder's and resource routes' files (robots.txt, sitemap.xml), `unmatched`
 * for a page no route matched, `/healthz`.
 */
export function routeClass(path: string, renderedRoute: string | undefined): string {
  if (path === '/healthz') return '/healthz';
  if (path.startsWith('/assets/')) return 'asset';
  if (path.endsWith('.data')) return 'data';
  if (renderedRoute) return renderedRoute === 'root' ? 'unmatched' : `document:${renderedRoute}`;
  return /\.[a-z0-9]+$/i.test(path) ? 'file' : 'unmatched';
}

/**
 * The gateway answers HTTP on /graphql (any answer but a 5xx: a refused query still means a
 * working gateway). The web portal has no other dependency.
 */
export function gatewayReadiness(graphqlUrl: string): ReadinessCheck {
  let cached: { at: number; result: Promise<void> } | undefined;
  const probe = async () => {
    let res: globalThis.Response;
    try {
      res = await fetch(graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-portal-probe': 'readyz' },
        body: JSON.stringify({ query: '{ __typename }' }),
        signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS),
      });
    } catch (err) {
      throw new Error(`gateway unreachable: ${(err as Error).message}`);
    }
    await res.body?.cancel();
    if (res.status >= 500) throw new Error(`gateway answered ${res.status}`);
  };
  return {
    name: 'gateway',
    check: () => {
      const now = Date.now();
      if (!cached || now - cached.at > READINESS_CACHE_MS) cached = { at: now, result: probe() };
      return cached.result;
    },
  };
}

/** The portal's request metrics and SSR error counter, on `metrics` (the process's, served on the ops port). */
export function createPortalWebOps(options: {
  graphqlUrl: string;
  metrics: Metrics;
}): PortalWebOps {
  const { metrics } = options;
  const ssrErrors = new Counter({
    name: 'portal_web_ssr_errors_total',
    help: 'Server-rendering errors of the web portal by phase (loader | render)',
    labelNames: ['phase'] as const,
    registers: [metrics.registry],
  });
  for (const phase of ['loader', 'render'] as const) ssrErrors.inc({ phase }, 0);
  const OBSERVER = Symbol('observer');
  type Observed = Response & { locals: { [OBSERVER]?: RequestObserver } };

  return {
    metrics,
    middleware(req, res, next) {
      const end = metrics.httpDuration.startTimer();
      let rendered: string | undefined;
      (res as Observed).locals[OBSERVER] = {
        route: (id) => void (rendered = id),
        error: (phase) => ssrErrors.inc({ phase }),
      };
      res.once('finish', () =>
        end({
          method: req.method,
          route: routeClass(req.path, rendered),
          status: String(res.statusCode),
        }),
      );
      next();
    },
    observer: (res) => (res as Observed).locals[OBSERVER] ?? { route: () => {}, error: () => {} },
    readiness: gatewayReadiness(options.graphqlUrl),
  };
}
