import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  isClientErrorCode,
  isDatabaseUnavailable,
  isDomainError,
  type DomainError,
  type ErrorCode,
} from '@portal/errors';
import type { Logger } from '@portal/logger';

/** Codes Apollo Server itself produces for malformed requests; they are safe to show. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** The `extensions` a domain error shows to clients. The switch must cover every code. */
export function extensionsFor(err: DomainError): Record<string, unknown> {
  const code: ErrorCode = err.code;
  switch (code) {
    case 'BAD_USER_INPUT':
      return { code, fields: err.fields ?? [] };
    case 'RATE_LIMITED':
    case 'SERVICE_UNAVAILABLE':
      return { code, retryAfter: err.retryAfterSeconds ?? 1 };
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'NOT_FOUND':
    case 'CONFLICT':
    case 'INTERNAL_SERVER_ERROR':
      return { code };
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

/** Seconds a client is told to wait before retrying while the database is away. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/** A GraphQLError carrying the domain error's code, for resolvers that build errors by hand. */
export function toGraphQLError(err: DomainError): GraphQLError {
  return new GraphQLError(err.message, { extensions: extensionsFor(err), originalError: err });
}

/**
 * Apollo `formatError`: domain errors keep their code and message, request errors
 * pass through, and anything else is masked as INTERNAL_SERVER_ERROR and logged in
 * full with the request id.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isDomainError(original)) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: extensionsFor(original),
      };
    }
    // Errors the server or graphql-js raised about the request itself (parse, validation,
    // variable coercion) are safe to show; an error thrown inside a resolver is not, unless
    // it is a GraphQLError built deliberately with a client code.
    const code = formatted.extensions?.code;
    const fromResolver = original !== error;
    if (
      typeof code === 'string' &&
      ((!fromResolver && REQUEST_ERROR_CODES.has(code)) ||
        (isGraphQLError(original) && isClientErrorCode(code)))
    ) {
      const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    if (isDatabaseUnavailable(original)) {
      logger.warn({ err: original, path: formatted.path }, 'database unavailable');
      return {
        message: 'The service cannot reach its database right now; retry shortly',
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: DATABASE_RETRY_AFTER_SECONDS },
      };
    }
    if (original instanceof Error && original.name === 'RequestAbandonedError') {
      // The gateway gave up on this request (its timeout passed, or its client left), so
      // nobody reads the answer: not a fault to page anyone about (libs/db query-budget.ts).
      logger.info({ path: formatted.path }, 'request abandoned: its reads stopped');
      return {
        message: 'The service could not answer in time; retry shortly',
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: 1 },
      };
    }
    logger.error({ err: original, path: formatted.path }, 'internal error');
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

// Duck-typed: graphql may be loaded twice (ESM and CommonJS), which defeats instanceof.
function isGraphQLError(err: unknown): err is GraphQLError {
  return err instanceof GraphQLError || (err instanceof Error && err.name === 'GraphQLError');
}
