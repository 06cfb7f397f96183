import { describe, expect, it } from 'vitest';
import { ERROR_CODES, badInput, httpStatusFor, rateLimited } from './domain-error';

describe('domain errors', () => {
  it('names every offending field in BAD_USER_INPUT', () => {
    const err = badInput([
      { field: 'input.title', message: 'is required' },
      { field: 'input.kind', message: 'must be one of NEWS, PLAN' },
    ]);
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.fields?.map((f) => f.field)).toEqual(['input.title', 'input.kind']);
    expect(err.message).toContain('input.title: is required');
  });

  it('carries Retry-After for RATE_LIMITED', () => {
    expect(rateLimited(7).retryAfterSeconds).toBe(7);
  });

  it('maps each code to a distinct HTTP status', () => {
    const statuses = ERROR_CODES.map(httpStatusFor);
    expect(new Set(statuses).size).toBe(ERROR_CODES.length);
    expect(httpStatusFor('RATE_LIMITED')).toBe(429);
  });
});

describe('client error codes', () => {
  it('are every code but the masked internal one', async () => {
    const { ERROR_CODES, isClientErrorCode } = await import('./domain-error');
    expect(ERROR_CODES.filter(isClientErrorCode)).toEqual(
      ERROR_CODES.filter((c) => c !== 'INTERNAL_SERVER_ERROR'),
    );
    expect(isClientErrorCode('INTERNAL_SERVER_ERROR')).toBe(false);
    expect(isClientErrorCode('GRAPHQL_PARSE_FAILED')).toBe(false);
    expect(isClientErrorCode(undefined)).toBe(false);
  });
});
