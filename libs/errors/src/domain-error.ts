/** Every error code a client can see in `extensions.code`. */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The codes a client is meant to read and act on: every code but the masked internal one. */
export type ClientErrorCode = Exclude<ErrorCode, 'INTERNAL_SERVER_ERROR'>;

/** True for a code a service may pass on to clients as it is (the gateway, error masking). */
export function isClientErrorCode(code: unknown): code is ClientErrorCode {
  return (
    typeof code === 'string' &&
    code !== 'INTERNAL_SERVER_ERROR' &&
    (ERROR_CODES as readonly string[]).includes(code)
  );
}

/** One offending input field, named by its path from the operation's arguments. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** An error with a client-facing code, thrown by domain code and mapped once to GraphQL/HTTP. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldProblem[] | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fields?: FieldProblem[]; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** BAD_USER_INPUT naming the offending fields. */
export function badInput(fields: FieldProblem[] | string, message?: string): DomainError {
  const list =
    typeof fields === 'string' ? [{ field: fields, message: message ?? 'is invalid' }] : fields;
  const text = message ?? list.map((f) => `${f.field}: ${f.message}`).join('; ');
  return new DomainError('BAD_USER_INPUT', text, { fields: list });
}

export function unauthenticated(message = 'Sign-in required'): DomainError {
  return new DomainError('UNAUTHENTICATED', message);
}

export function forbidden(message = 'Not allowed'): DomainError {
  return new DomainError('FORBIDDEN', message);
}

export function notFound(what = 'Resource'): DomainError {
  return new DomainError('NOT_FOUND', `${what} not found`);
}

export function conflict(message: string): DomainError {
  return new DomainError('CONFLICT', message);
}

export function rateLimited(retryAfterSeconds: number, message = 'Too many requests'): DomainError {
  return new DomainError('RATE_LIMITED', message, { retryAfterSeconds });
}

/**
 * A dependency (Redis, another service) is down: nothing was done, and the same request may
 * succeed after `retryAfterSeconds`. Retryable, unlike an internal error.
 */
export function serviceUnavailable(
  retryAfterSeconds: number,
  message = 'Temporarily unavailable; please try again shortly',
  cause?: unknown,
): DomainError {
  return new DomainError('SERVICE_UNAVAILABLE', message, { retryAfterSeconds, cause });
}

export function isDomainError(err: unknown): err is DomainError {
  return err instanceof DomainError;
}

/** HTTP status that corresponds to an error code, for REST-style endpoints. */
export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case 'BAD_USER_INPUT':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
    case 'RATE_LIMITED':
      return 429;
    case 'SERVICE_UNAVAILABLE':
      return 503;
    case 'INTERNAL_SERVER_ERROR':
      return 500;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}
