import { parse as parseUrl } from 'node:url';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import type { ServedAnswers } from '../cache/served-answers';
import type { GatewayContext } from '../context';
import type { GatewayMetrics } from '../metrics';
import { age } from '../plugins/response-cache.plugin';
import { accessOf } from './access.middleware';

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
function sendAnswer(req: Request, res: Response, body: string | Buffer): void {
  if (req.method !== 'POST') {
    res.send(body);
    return;
  }
  if (!res.hasHeader('content-type')) res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

export interface GraphQLHandlerOptions {
  context(args: { req: Request; res: Response }): Promise<GatewayContext>;
  /** The response cache's first level; absent when the response cache is off. */
  served?: ServedAnswers;
  metrics: GatewayMetrics;
  /** The operation label of the metrics (bounded to the contract's names). */
  operationLabel(operationName: string | null | undefined): string;
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
  const { served, metrics } = options;
  return async (req, res) => {
    const key = served && accessOf(res).identity.kind === 'anonymous' ? servedAnswerKey(req) : null;
    if (key) {
      const hit = served!.get(key);
      if (hit) {
        metrics.responseCache.inc({ outcome: 'hit' });
        metrics.graphqlOperations.inc({
          operation: options.operationLabel(hit.operationName),
          type: 'query',
          outcome: 'ok',
        });
        for (const [name, value] of hit.headers) res.setHeader(name, value);
        res.setHeader('age', String(age(hit)));
        res.statusCode = hit.status;
        sendAnswer(req, res, hit.body);
        return;
      }
    }
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
      context: async () => (context = await options.context({ req, res })),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      sendAnswer(req, res, response.body.string);
      const storable = context?.cacheNote.storable;
      if (key && storable && res.statusCode === 200)
        served!.keep(
          key,
          {
            status: 200,
            headers: [...response.headers].filter(([name]) => name !== 'age'),
            body: Buffer.from(response.body.string),
            cacheTime: storable.cacheTime,
            expiresAt: storable.cacheTime + storable.maxAge * 1000,
            tags: storable.tags,
            operationName: storable.operationName,
          },
          mark,
        );
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
