import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Express, Request, RequestHandler } from 'express';
import { REQUEST_ID_HEADER } from '@portal/auth';
import { requestIdFrom } from '@portal/logger';
import type { ServedAnswers } from '../cache/served-answers';
import { rateLimitBucket, type RateLimits } from '../domain/rate-limit-policy';
import type { GatewayMetrics } from '../metrics';
import type { SlidingWindowLimiter } from '../rate-limit/sliding-window-limiter';
import type { AnsweredOperation } from './in-flight-answers';
import { failBody } from './graphql-body';
import { replayServed, servedAnswerKey } from './graphql-handler';

type ReadRequest = IncomingMessage & { body?: unknown };

export interface FrontHitsOptions {
  app: Express;
  served: ServedAnswers;
  limiter: SlidingWindowLimiter;
  limits: RateLimits;
  bodyLimitBytes: number;
  metrics: GatewayMetrics;
  /** CORS as Express applies it (synchronous for the gateway's static origins). */
  cors?: RequestHandler;
  recordOperation(operation: AnsweredOperation): void;
}

/**
 * The HTTP server's handler: answers an anonymous repeat of an answer this replica holds (the
 * response cache's first level) in front of Express, and hands every other request to Express.
 *
 * A hit is the hot path of a public portal (the same home page for everyone), and through
 * Express it cost about 0.45 ms of CPU where answering the same bytes with `node:http` costs
 * 0.07 ms (docs/benchmarks.md). Here it gets what Express would give it, in the same order:
 * a request id, CORS headers, the anonymous rate limit (decided by the same limiter) and the
 * same headers and bytes; and the same metrics. Only plain JSON POSTs to `/graphql` without
 * credentials whose whole body is announced within the limit are read here; their body is
 * parsed as `express.json` would and handed on with the request when it is not a hit, so
 * Express does not read it again (`graphqlBody` passes on a parse error). A refusal or a
 * limiter failure is left to Express, which decides again and answers as it always does
 * (refused requests are not recorded by the limiter, so nothing is counted twice).
 */
export function frontHits(
  o: FrontHitsOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const express = (req: IncomingMessage, res: ServerResponse) => void o.app(req, res);
  return (req, res) => {
    if (!readableHere(req, o.bodyLimitBytes)) return express(req, res);
    const started = process.hrtime.bigint();
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer) => void chunks.push(chunk);
    const onError = (err: Error) => {
      req.off('data', onData).off('end', onEnd);
      failBody(req, Object.assign(err, { status: 400, type: 'request.aborted' }));
      express(req, res);
    };
    const onEnd = () => {
      req.off('data', onData).off('error', onError);
      const read = req as ReadRequest;
      try {
        read.body = parseJsonBody(Buffer.concat(chunks).toString('utf8'));
      } catch (err) {
        failBody(req, err as Error);
        return express(req, res);
      }
      const key = servedAnswerKey(req as Request);
      const hit = key ? o.served.get(key) : undefined;
      if (!hit) return express(req, res);
      // Refused, or the limiter failed: Express decides again and answers as it always does.
      void answer(read, res, hit, started).catch(() => {
        if (!res.headersSent) express(req, res);
      });
    };
    req.on('data', onData).once('error', onError).once('end', onEnd);
  };

  async function answer(
    req: ReadRequest,
    res: ServerResponse,
    hit: NonNullable<ReturnType<ServedAnswers['get']>>,
    started: bigint,
  ): Promise<void> {
    // Express's own request prototype gives the client address its `trust proxy` gives.
    Object.setPrototypeOf(req, o.app.request);
    const ip = (req as unknown as Request).ip ?? req.socket.remoteAddress ?? 'unknown';
    const bucket = rateLimitBucket({ kind: 'anonymous', ip }, o.limits);
    const decision = await o.limiter.consume(bucket.key, bucket.limit);
    if (!decision.allowed) throw new Error('refused: Express answers it');
    res.setHeader(REQUEST_ID_HEADER, requestIdFrom(req.headers[REQUEST_ID_HEADER]));
    if (o.cors) {
      let passed = false;
      o.cors(req as Request, res as never, () => (passed = true));
      if (!passed) throw new Error('CORS did not decide at once');
    }
    res.setHeader('ratelimit-limit', String(decision.limit));
    res.setHeader('ratelimit-remaining', String(decision.remaining));
    res.once('finish', () =>
      o.metrics.httpDuration.observe(
        { method: 'POST', route: '/graphql', status: String(res.statusCode) },
        Number(process.hrtime.bigint() - started) / 1e9,
      ),
    );
    replayServed(req, res, hit, o);
  }
}

/** A JSON POST to /graphql without credentials, its whole body announced within the limit. */
function readableHere(req: IncomingMessage, limitBytes: number): boolean {
  const h = req.headers;
  if (req.method !== 'POST' || req.url !== '/graphql') return false;
  if (h.authorization !== undefined || h['x-api-key'] !== undefined) return false;
  if (h['transfer-encoding'] !== undefined) return false;
  if (h['content-encoding'] !== undefined && h['content-encoding'] !== 'identity') return false;
  // No body (length 0) is Express's to refuse, as is one over the limit.
  const length = h['content-length'];
  if (!length || !/^\d+$/.test(length)) return false;
  if (Number(length) === 0 || Number(length) > limitBytes) return false;
  const [type, ...params] = (h['content-type'] ?? '').split(';');
  if (type!.trim().toLowerCase() !== 'application/json') return false;
  return params.every((p) => {
    const [name, value] = p.split('=').map((s) => s.trim().toLowerCase());
    return name !== 'charset' || value === 'utf-8' || value === '"utf-8"';
  });
}

/** Parses a body as `express.json()` (strict) does: an object or array, `{}` when empty. */
function parseJsonBody(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.length === 0) return {};
  const first = body.trimStart().charAt(0);
  try {
    if (first !== '{' && first !== '[') throw new SyntaxError(`Unexpected token ${first} in JSON`);
    return JSON.parse(body);
  } catch (err) {
    throw Object.assign(err as Error, { status: 400, type: 'entity.parse.failed' });
  }
}
