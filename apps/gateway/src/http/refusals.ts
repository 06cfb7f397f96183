import type { Response } from 'express';
import { httpStatusFor, type DomainError } from '@portal/errors';
import { extensionsFor } from '@portal/graphql-kit';
import { sendHttpError } from '@portal/http';
import type { Logger } from '@portal/logger';
import type { GatewayMetrics } from '../metrics';

/**
 * Answers a request the gateway refuses before GraphQL runs (credentials, rate limit,
 * body size) as a GraphQL response: `{ errors: [{ message, extensions: { code } }] }`
 * with the matching HTTP status.
 */
/** Headers every refusal carries: never cached, Retry-After when limited, a challenge on 401 (RFC 9110 §11.6.1). */
function refusalHeaders(res: Response, err: DomainError): void {
  res.setHeader('cache-control', 'no-store');
  if (err.retryAfterSeconds) res.setHeader('retry-after', String(err.retryAfterSeconds));
  if (err.code === 'UNAUTHENTICATED')
    res.setHeader('www-authenticate', 'Bearer realm="hcmc-dx-portal"');
}

export function refuseGraphQL(metrics: GatewayMetrics) {
  return (res: Response, err: DomainError, status = httpStatusFor(err.code)): void => {
    metrics.graphqlErrors.inc({ code: err.code });
    refusalHeaders(res, err);
    res
      .status(status)
      .type('application/json')
      .send(JSON.stringify({ errors: [{ message: err.message, extensions: extensionsFor(err) }] }));
  };
}

/** The same for forwarded HTTP routes, in their JSON error shape. */
export function refuseHttp(logger: Logger) {
  return (res: Response, err: DomainError): void => {
    refusalHeaders(res, err);
    sendHttpError(res, err, logger);
  };
}
