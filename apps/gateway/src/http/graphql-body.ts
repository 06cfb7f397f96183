import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { DomainError, badInput, isDomainError } from '@portal/errors';
import type { Logger } from '@portal/logger';

/** A body read in front of Express (frontHits) that could not be parsed. */
const BODY_ERROR = Symbol('gateway.bodyError');

/** Keeps the error of a body read in front of Express for `graphqlBody` to pass on. */
export function failBody(req: object, err: Error): void {
  (req as { [BODY_ERROR]?: Error })[BODY_ERROR] = err;
}

function bodyErrorOf(req: object): Error | undefined {
  return (req as { [BODY_ERROR]?: Error })[BODY_ERROR];
}

/** Parses JSON bodies up to `limitBytes`; other requests reach Apollo with no body (it answers them). */
export function graphqlBody(limitBytes: number): RequestHandler[] {
  return [
    express.json({ limit: limitBytes }),
    (req, _res, next) => {
      // A body read in front of Express (frontHits) that was not JSON fails as express.json's.
      const failed = bodyErrorOf(req);
      if (failed) {
        next(failed);
        return;
      }
      // Express 5 leaves req.body unset for GET and non-JSON posts; Apollo then applies its
      // own rules (CSRF prevention, GET queries) instead of failing on a missing body.
      if (!('body' in req)) (req as { body?: unknown }).body = undefined;
      next();
    },
  ];
}

/**
 * Answers failures around /graphql as GraphQL errors: 413 for oversize bodies, 400 for
 * broken JSON, and anything unexpected (say, the API key database down) as a masked
 * INTERNAL_SERVER_ERROR, logged with the request id.
 */
export function graphqlRequestErrors(
  limitBytes: number,
  refuse: (res: Parameters<ErrorRequestHandler>[2], err: DomainError, status?: number) => void,
  logger: Logger,
): ErrorRequestHandler {
  return (err: { type?: string; status?: number }, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    switch (err.type) {
      case 'entity.too.large':
        refuse(res, badInput('body', `The request body is larger than ${limitBytes} bytes`), 413);
        return;
      case 'entity.parse.failed':
        refuse(res, badInput('body', 'The request body is not valid JSON'), 400);
        return;
      case 'encoding.unsupported':
      case 'charset.unsupported':
        refuse(res, badInput('body', 'Unsupported body encoding'), 415);
        return;
      default:
        if (isDomainError(err)) {
          refuse(res, err);
          return;
        }
        logger.error({ err }, 'internal error');
        refuse(res, new DomainError('INTERNAL_SERVER_ERROR', 'Internal server error'), 500);
    }
  };
}
