import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { DomainError, badInput, isDomainError } from '@portal/errors';
import type { Logger } from '@portal/logger';

/** Parses JSON bodies up to `limitBytes`; other requests reach Apollo with no body (it answers them). */
export function graphqlBody(limitBytes: number): RequestHandler[] {
  return [
    express.json({ limit: limitBytes }),
    (req, _res, next) => {
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
