import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';
import { ALL_ANSWERS, entityTags, operationTypeTags } from '../cache/answer-tags';
import type { StoredAnswer, TaggedAnswerStore } from '../cache/tagged-answer-store';
import type { GatewayMetrics } from '../metrics';

/**
 * The response cache for anonymous public queries, driven by the subgraphs' `@cacheControl`
 * hints: an answer is stored for its max-age, tagged with what it holds, and purged by graph
 * changes (see ../cache/graph-change-listener.ts), so max-ages can be long while a change
 * is visible within seconds. Only anonymous callers read or fill it; answers with errors or
 * PRIVATE data are never stored.
 */
/** Seconds since the answer's data was computed (the `age` header). */
export function age(answer: { cacheTime: number }, now = Date.now()): number {
  return Math.max(0, Math.round((now - answer.cacheTime) / 1000));
}

export function responseCachePlugin(
  store: TaggedAnswerStore,
  options: { metrics?: GatewayMetrics; clientMaxAge?: number } = {},
): ApolloServerPlugin<GatewayContext> {
  const { metrics, clientMaxAge } = options;
  return {
    async requestDidStart({ contextValue, response }) {
      if (contextValue.identity.kind !== 'anonymous') return;
      // Apollo's cache-control plugin sends the smaller of this and the answer's max-age.
      if (clientMaxAge !== undefined)
        response.http.headers.set('cache-control', `max-age=${clientMaxAge}, public`);
      let key: string | null = null;
      let startSeq = Number.NaN;
      let hit: StoredAnswer | null = null;
      return {
        async responseForOperation(requestContext) {
          if (requestContext.operation?.operation !== 'query') return null;
          key = createHash('sha256')
            .update(
              JSON.stringify({
                source: requestContext.source,
                operationName: requestContext.operationName ?? null,
                variables: requestContext.request.variables ?? {},
              }),
            )
            .digest('hex');
          const { answer, seq } = await store.get(key);
          startSeq = seq;
          metrics?.responseCache.inc({ outcome: answer ? 'hit' : 'miss' });
          if (!answer) return null;
          requestContext.overallCachePolicy.replace(answer.cachePolicy);
          hit = answer;
          return {
            body: { kind: 'single', singleResult: { data: answer.data } },
            http: { status: undefined, headers: new HeaderMap() },
          };
        },
        async willSendResponse(requestContext) {
          const { response } = requestContext;
          if (!key || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          const tagsOf = (answer: Record<string, unknown>) => [
            ALL_ANSWERS,
            ...operationTypeTags(requestContext.schema, requestContext.document!),
            ...entityTags(answer),
          ];
          const operationName = requestContext.operationName ?? null;
          if (hit) {
            response.http.headers.set('age', String(age(hit)));
            contextValue.cacheNote.storable = {
              tags: tagsOf(hit.data),
              cacheTime: hit.cacheTime,
              maxAge: hit.cachePolicy.maxAge,
              operationName,
            };
            return;
          }
          const policy = requestContext.overallCachePolicy.policyIfCacheable();
          if (errors || !data || !policy || policy.scope === 'PRIVATE') return;
          const tags = tagsOf(data);
          const cacheTime = Date.now();
          // In the background: the answer is ready, the write must not delay it.
          void store.set(
            key,
            { data, cachePolicy: policy, cacheTime },
            policy.maxAge,
            startSeq,
            tags,
          );
          contextValue.cacheNote.storable = {
            tags,
            cacheTime,
            maxAge: policy.maxAge,
            operationName,
          };
        },
      };
    },
  };
}
