import type { GraphQLFormattedError } from 'graphql';
import { isClientErrorCode } from '@portal/errors';
import { createFormatError } from '@portal/graphql-kit';
import { currentRequestContext, type Logger } from '@portal/logger';
import { SubgraphUnavailableError } from './subgraphs/portal-data-source';

/** The first error down the chain (originalError, cause) that `test` accepts. */
function causeWhere(error: unknown, test: (e: unknown) => boolean): unknown {
  for (let e = error, depth = 0; e && depth < 5; depth++) {
    if (test(e)) return e;
    e =
      (e as { originalError?: unknown; cause?: unknown }).originalError ??
      (e as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * The shared error masking (domain and request errors pass, anything else becomes
 * INTERNAL_SERVER_ERROR, logged with the request id), plus one gateway case: a subgraph
 * that could not be reached is named, so clients know which part of the answer is missing.
 */
export function createGatewayFormatError(logger: Logger) {
  const mask = createFormatError(logger);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // The client went away, so its subgraph fetches were stopped (see portal-data-source.ts):
    // nobody reads this answer, and it is no fault to page anyone about.
    if (
      currentRequestContext()?.signal?.aborted &&
      causeWhere(error, (e) => (e as { name?: unknown }).name === 'AbortError')
    ) {
      logger.info({ path: formatted.path }, 'request abandoned by its client: its fetches stopped');
      return {
        message: 'The request was abandoned',
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      };
    }
    const unavailable = causeWhere(
      error,
      (e) => e instanceof SubgraphUnavailableError,
    ) as SubgraphUnavailableError | null;
    if (unavailable) {
      logger.warn(
        { err: unavailable.cause ?? unavailable, subgraph: unavailable.subgraph },
        unavailable.message,
      );
      return {
        message: `The ${unavailable.subgraph} service is unavailable; the fields it serves are missing`,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: unavailable.subgraph },
      };
    }
    // An error a subgraph answered with: the gateway marks it with serviceName. Subgraphs mask
    // their own internal errors, so their client-facing codes and messages pass through.
    const {
      code,
      serviceName,
      stacktrace: _trace,
      response: _response,
      ...rest
    } = formatted.extensions ?? {};
    if (typeof code === 'string' && isClientErrorCode(code) && typeof serviceName === 'string')
      return { ...formatted, extensions: { ...rest, code, serviceName } };
    return mask(formatted, error);
  };
}
