import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream';
import type { Request, RequestHandler, Response } from 'express';
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, hasScope, type ApiScope } from '@portal/auth';
import { forbidden, type DomainError } from '@portal/errors';
import type { Logger } from '@portal/logger';
import { routeScope } from '../domain/api-scopes';
import { accessOf } from './access.middleware';

/** Headers that describe one connection, not the message (RFC 9110 §7.6.1), plus credentials subgraphs must not see. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);
const CREDENTIALS = new Set(['authorization', 'x-api-key', 'cookie', INTERNAL_TOKEN_HEADER]);

export interface RouteProxyOptions {
  /** The owning subgraph's name (for API key scopes and logs). */
  subgraph: string;
  /** Its base URL, e.g. http://library:4002. */
  target: string;
  idleTimeoutMs: number;
  logger: Logger;
  /** Signs the internal token for this request's viewer, addressed to `subgraph`. */
  internalToken: (res: Response, subgraph: string) => Promise<string>;
  refuse: (res: Response, err: DomainError) => void;
}

function strippedHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const named = new Set(
    String(headers.connection ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  );
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || named.has(name)) continue;
    out[name] = value;
  }
  return out;
}

/**
 * Forwards an HTTP route to the service that owns it, streaming both ways (uploads of
 * hundreds of megabytes never sit in memory) and keeping Range, ETag and
 * Content-Disposition intact. The caller's credentials are replaced by the internal
 * viewer token, exactly as for GraphQL.
 */
export function routeProxy(options: RouteProxyOptions): RequestHandler {
  const target = new URL(options.target);
  const secure = target.protocol === 'https:';
  const agent = secure
    ? new HttpsAgent({ keepAlive: true, maxSockets: 256 })
    : new HttpAgent({ keepAlive: true, maxSockets: 256 });
  const send = secure ? httpsRequest : httpRequest;
  const logger = options.logger.child({ module: 'route-proxy', subgraph: options.subgraph });

  return async (req: Request, res: Response) => {
    const access = accessOf(res);
    const { identity } = access;
    if (identity.kind === 'partner') {
      const scope = routeScope(options.subgraph, req.method) as ApiScope;
      if (!hasScope(identity.viewer, scope)) {
        options.refuse(
          res,
          forbidden(
            `This API key's scopes do not allow ${req.method} ${req.path} (needs ${scope})`,
          ),
        );
        return;
      }
    }

    const headers = strippedHeaders(req.headers);
    for (const name of CREDENTIALS) delete headers[name];
    headers[INTERNAL_TOKEN_HEADER] = await options.internalToken(res, options.subgraph);
    headers[REQUEST_ID_HEADER] = access.requestId;
    const forwardedFor = req.headers['x-forwarded-for'];
    headers['x-forwarded-for'] = [forwardedFor, req.socket.remoteAddress]
      .flat()
      .filter(Boolean)
      .join(', ');
    headers['x-forwarded-proto'] = req.protocol;
    if (req.headers.host) headers['x-forwarded-host'] = req.headers.host;

    const upstream = send({
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      method: req.method,
      path: req.originalUrl,
      headers,
      agent,
    });
    upstream.setTimeout(options.idleTimeoutMs, () =>
      upstream.destroy(Object.assign(new Error('upstream idle timeout'), { code: 'ETIMEDOUT' })),
    );
    upstream.on('error', (err: NodeJS.ErrnoException) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (res.destroyed || res.writableEnded) return;
      const timedOut = err.code === 'ETIMEDOUT';
      logger.warn({ err, path: req.path }, `${options.subgraph} route failed`);
      res
        .status(timedOut ? 504 : 502)
        .setHeader('cache-control', 'no-store')
        .json({
          error: {
            code: 'INTERNAL_SERVER_ERROR',
            message: `The ${options.subgraph} service ${timedOut ? 'did not answer in time' : 'is unavailable'}`,
          },
        });
    });
    upstream.on('response', (incoming) => {
      res.status(incoming.statusCode ?? 502);
      for (const [name, value] of Object.entries(strippedHeaders(incoming.headers)))
        res.setHeader(name, value);
      pipeline(incoming, res, (err) => {
        if (err && !res.writableFinished) logger.debug({ err }, 'response stream ended early');
      });
    });
    // The client may go away mid-transfer; stop the upstream work as well.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    // Streams the request body (an upload) as it arrives; pipeline destroys both on failure.
    pipeline(req, upstream, () => {});
  };
}
