import type { ServerResponse } from 'node:http';
import { parse as parseUrl } from 'node:url';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import type { ServedAnswer, ServedAnswers } from '../cache/served-answers';
import type { AnswerSharing, GatewayContext } from '../context';
import type { GatewayMetrics } from '../metrics';
import { age } from '../plugins/response-cache.plugin';
import { viewerShareKey } from '../subgraphs/portal-data-source';
import { currentRequestContext, runWithRequestContext } from '@portal/logger';
import { accessOf } from './access.middleware';
import type { AnsweredOperation, InFlightAnswers, SharedAnswer } from './in-flight-answers';

/**
 * The request an anonymous answer may be replayed for, or null. Only requests Apollo's CSRF
 * prevention lets through qualify (a JSON POST, or a GET with a preflight header), and the
 * key holds everything of the request the answer depends on: method, the accepted media type
 * (it decides the answer's content type), and the body or query string.
 */
export function servedAnswerKey(req: Request): string | null {
  const accept = req.headers.accept ?? '';
  if (req.method === 'POST') {
    const type = req.headers['content-type'] ?? '';
    const body: unknown = req.body;
    if (!type.startsWith('application/json') || !body || typeof body !== 'object') return null;
    if (Array.isArray(body)) return null;
    return `POST ${accept}\n${JSON.stringify(body)}`;
  }
  if (req.method === 'GET') {
    const preflight =
      !!req.headers['apollo-require-preflight'] || !!req.headers['x-apollo-operation-name'];
    if (!preflight) return null;
    return `GET ${accept}\n${parseUrl(req.url).search ?? ''}`;
  }
  return null;
}

/**
 * Sends a whole answer. A GET may be conditional, so Express's `send` gives it an ETag (and a
 * 304 to a client that has it); a POST never is, so its body is not hashed for nothing.
 */
function sendAnswer(req: { method?: string }, res: ServerResponse, body: string | Buffer): void {
  if (req.method !== 'POST') {
    (res as Response).send(body);
    return;
  }
  if (!res.hasHeader('content-type')) res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

/** Answers with an answer the replica holds (the response cache's first level): a hit. */
export function replayServed(
  req: { method?: string },
  res: ServerResponse,
  hit: ServedAnswer,
  o: Pick<GraphQLHandlerOptions, 'metrics' | 'recordOperation'>,
): void {
  o.metrics.responseCache.inc({ outcome: 'hit' });
  o.recordOperation({ name: hit.operationName, type: 'query', errorCodes: [] });
  for (const [name, value] of hit.headers) res.setHeader(name, value);
  res.setHeader('age', String(age(hit)));
  res.statusCode = hit.status;
  sendAnswer(req, res, hit.body);
}

export interface GraphQLHandlerOptions {
  context(args: {
    req: Request;
    res: Response;
    answerSharing?: AnswerSharing;
  }): Promise<GatewayContext>;
  /** The response cache's first level; absent when the response cache is off. */
  served?: ServedAnswers;
  /** Identical queries in flight share one execution; absent when they may not. */
  inFlight?: InFlightAnswers;
  metrics: GatewayMetrics;
  /** Counts an operation answered without running the pipeline (see metricsPlugin). */
  recordOperation(operation: AnsweredOperation): void;
}

/**
 * Apollo Server behind Express (what `@as-integrations/express5` does), with the response
 * cache's first level in front: an anonymous request the process has answered while its
 * answer is fresh gets the same answer again, with its age, without running the pipeline.
 */
export function graphqlHandler(
  apollo: ApolloServer<GatewayContext>,
  options: GraphQLHandlerOptions,
): RequestHandler {
  const { served, inFlight, metrics } = options;
  return async (req, res) => {
    const { identity } = accessOf(res);
    const cacheKey = served && identity.kind === 'anonymous' ? servedAnswerKey(req) : null;
    const hit = cacheKey ? served!.get(cacheKey) : undefined;
    if (hit) {
      replayServed(req, res, hit, options);
      return;
    }
    const viewerKey = inFlight ? viewerShareKey(identity) : null;
    const requestKey = viewerKey === null ? null : (cacheKey ?? servedAnswerKey(req));
    if (requestKey === null) {
      await execute(req, res, cacheKey);
      return;
    }
    const shareKey = `${viewerKey}\n${requestKey}`;
    const request = currentRequestContext();
    const joined = inFlight!.join(shareKey, request?.signal);
    if (joined) {
      metrics.sharedAnswers.inc();
      const shared = await joined.catch(() => undefined);
      // Its client went away: there is nobody to answer.
      if (shared === undefined) return;
      if (shared) {
        options.recordOperation(shared.operation);
        for (const [name, value] of shared.headers) res.setHeader(name, value);
        res.statusCode = shared.status;
        sendAnswer(req, res, shared.body);
        return;
      }
    }
    const lead = inFlight!.lead(shareKey, request?.signal);
    const answerSharing: AnswerSharing = { open: lead.open };
    try {
      // Its work stops when every request waiting for it has gone away, not only this one.
      await runWithRequestContext(
        { requestId: request?.requestId ?? '', ...request, signal: lead.signal },
        () => execute(req, res, cacheKey, answerSharing, lead.settle),
      );
    } finally {
      // Requests that joined run on their own when this one has no answer to give them.
      lead.settle(null);
    }
  };

  /** Runs Apollo Server's pipeline for the request and sends its answer. */
  async function execute(
    req: Request,
    res: Response,
    cacheKey: string | null,
    answerSharing?: AnswerSharing,
    share?: (answer: SharedAnswer) => void,
  ): Promise<void> {
    const mark = served?.mark() ?? 0;
    let context: GatewayContext | undefined;
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers))
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method.toUpperCase(),
        headers,
        search: parseUrl(req.url).search ?? '',
        body: req.body,
      },
      context: async () => (context = await options.context({ req, res, answerSharing })),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind !== 'complete') {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
      return;
    }
    const body = response.body.string;
    if (share && answerSharing?.operation)
      share({
        status: res.statusCode,
        headers: [...response.headers],
        body,
        operation: answerSharing.operation,
      });
    sendAnswer(req, res, body);
    const storable = context?.cacheNote.storable;
    if (cacheKey && storable && res.statusCode === 200)
      served!.keep(
        cacheKey,
        {
          status: 200,
          headers: [...response.headers].filter(([name]) => name !== 'age'),
          body: Buffer.from(body),
          cacheTime: storable.cacheTime,
          expiresAt: storable.cacheTime + storable.maxAge * 1000,
          tags: storable.tags,
          operationName: storable.operationName,
        },
        mark,
      );
  }
}
