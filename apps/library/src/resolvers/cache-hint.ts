import type { GraphQLResolveInfo } from 'graphql';

interface WithCacheControl {
  cacheControl?: { setCacheHint(hint: { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE' }): void };
}

/**
 * Marks the response as personal: what an editor or contributor sees (drafts) must
 * never be served from a shared cache.
 */
export function markPrivate(info: GraphQLResolveInfo): void {
  (info as unknown as WithCacheControl).cacheControl?.setCacheHint({ scope: 'PRIVATE' });
}
