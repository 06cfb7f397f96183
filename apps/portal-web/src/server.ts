// The web portal's HTTP server: security headers, static assets, /healthz, and every page
// rendered by React Router on the server (a production build, or Vite while developing).
// Its /readyz and /metrics are on the ops port (ops.ts).
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { createRequestHandler } from '@react-router/express';
import compression from 'compression';
import express from 'express';
import type { AppLoadContext, ServerBuild } from 'react-router';
import type { PortalConfig } from '../app/lib/context';
import type { PortalWebOps } from './ops';
import { securityHeaders } from './security-headers';

export interface PortalWebOptions {
  port: number;
  host: string;
  config: PortalConfig;
  /** A production build directory (with client/ and server/); without it, Vite serves the app (development). */
  buildDir?: string;
  /** The app's source directory (apps/portal-web), for Vite. */
  appRoot: string;
  mediaOrigins: string[];
  /** Request metrics and the SSR error counter (served on the ops port). */
  ops?: PortalWebOps;
}

export interface PortalWebServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function startPortalWeb(options: PortalWebOptions): Promise<PortalWebServer> {
  const { config } = options;
  const app = express();
  app.disable('x-powered-by');
  // One proxy hop (an ingress or load balancer) may tell us the visitor's address.
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  const server = createServer(app);

  if (options.ops) app.use(options.ops.middleware);
  app.use(compression());
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  const formOrigins = config.auth.mode === 'oidc' ? [new URL(config.auth.issuer).origin] : [];
  app.use(
    securityHeaders({
      production: config.production,
      mediaOrigins: [
        ...new Set([new URL(config.gatewayPublicUrl).origin, ...options.mediaOrigins]),
      ],
      formOrigins,
    }),
  );

  const getLoadContext = (req: express.Request, res: express.Response): AppLoadContext => ({
    config,
    nonce: res.locals.nonce as string,
    clientIp: req.ip ?? '',
    requestId: (req.get('x-request-id') ?? '').slice(0, 64) || randomUUID(),
    ...(options.ops ? { observe: options.ops.observer(res) } : {}),
  });

  let closeVite: (() => Promise<void>) | undefined;
  if (options.buildDir) {
    const client = join(options.buildDir, 'client');
    // Hashed file names: cache for a year.
    app.use('/assets', express.static(join(client, 'assets'), { immutable: true, maxAge: '1y' }));
    app.use(express.static(client, { maxAge: '1d', index: false }));
    const build = (await import(join(options.buildDir, 'server', 'index.js'))) as ServerBuild;
    app.all('/{*path}', createRequestHandler({ build, getLoadContext, mode: 'production' }));
  } else {
    const vite = await import('vite');
    const dev = await vite.createServer({
      configFile: join(options.appRoot, 'vite.config.ts'),
      server: { middlewareMode: true, hmr: { server } },
      appType: 'custom',
    });
    closeVite = () => dev.close();
    app.use(dev.middlewares);
    app.all('/{*path}', (req, res, next) =>
      createRequestHandler({
        build: () => dev.ssrLoadModule('virtual:react-router/server-build') as Promise<ServerBuild>,
        getLoadContext,
        mode: 'development',
      })(req, res, next),
    );
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    server,
    url: `http://127.0.0.1:${options.port}`,
    async close() {
      await closeVite?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

/** The build to serve: the one given, else one beside the running bundle (dist/apps/portal-web). */
export function findBuild(given: string | undefined, besideMain: string): string | undefined {
  if (given) {
    if (!existsSync(join(given, 'server', 'index.js')))
      throw new Error(
        `PORTAL_WEB_BUILD_DIR ${given} has no server/index.js (run nx build portal-web)`,
      );
    return given;
  }
  return existsSync(join(besideMain, 'server', 'index.js')) ? besideMain : undefined;
}
