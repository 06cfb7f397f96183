import type { Response } from 'express';
import { httpStatusFor, isDomainError } from '@portal/errors';
import type { Logger } from '@portal/logger';

/**
 * Answers a REST-style endpoint's error as JSON `{ error: { code, message, fields? } }`
 * with the matching status; unexpected errors are masked and logged.
 */
export function sendHttpError(res: Response, err: unknown, logger: Logger): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (isDomainError(err)) {
    if (err.retryAfterSeconds) res.setHeader('retry-after', String(err.retryAfterSeconds));
    res.status(httpStatusFor(err.code)).json({
      error: {
        code: err.code,
        message: err.message,
        ...(err.fields ? { fields: err.fields } : {}),
      },
    });
    return;
  }
  logger.error({ err }, 'internal error');
  res
    .status(500)
    .json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
}
