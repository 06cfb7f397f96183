import { parseArgs } from '@portal/graphql-kit';
import { z } from 'zod';

const expectedVersionArgs = z.object({
  expectedVersion: z.number().int().min(1, 'must be a version the server gave you'),
});

/** An update's `expectedVersion` argument: a version the server gave out (else BAD_USER_INPUT). */
export function parseExpectedVersion(value: unknown): number {
  return parseArgs(expectedVersionArgs, { expectedVersion: value }).expectedVersion;
}
