import { describe, expect, it } from 'vitest';
import { MongoClient } from 'mongodb';
import { z } from 'zod';
import { badInput, rateLimited } from '@portal/errors';
import { RequestAbandonedError } from '@portal/db';
import { createLogger } from '@portal/logger';
import { entityKey } from './entity';
import { createFormatError, extensionsFor } from './errors';
import { parseInput } from './validation';

describe('graphql-kit', () => {
  it('reads an entity representation’s key, null when missing or not a string', () => {
    expect(entityKey({ __typename: 'Thread', id: '65a0' })).toBe('65a0');
    expect(entityKey({ __typename: 'User', publicId: 'u1' }, 'publicId')).toBe('u1');
    for (const id of [undefined, null, '', 42, { $ne: null }, ['a']])
      expect(entityKey({ __typename: 'Thread', id })).toBeNull();
  });

  it('names every offending field of an input at once', () => {
    const schema = z.object({ title: z.string().min(3), year: z.number().int() });
    try {
      parseInput(schema, { title: 'x', year: 1.5 });
      expect.unreachable();
    } catch (err) {
      expect(extensionsFor(err as never)).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [
          expect.objectContaining({ field: 'input.title' }),
          expect.objectContaining({ field: 'input.year' }),
        ],
      });
    }
  });

  it('keeps domain codes and masks everything else', () => {
    const format = createFormatError(createLogger({ service: 'kit', level: 'silent' }));
    expect(format({ message: 'x' }, rateLimited(7)).extensions).toEqual({
      code: 'RATE_LIMITED',
      retryAfter: 7,
    });
    expect(format({ message: 'x' }, badInput('slug', 'taken')).extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    const masked = format({ message: 'E11000 at db-7' }, new Error('E11000 at db-7'));
    expect(masked).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('answers a request that found the database away with a retryable SERVICE_UNAVAILABLE, hiding where it is', async () => {
    const format = createFormatError(createLogger({ service: 'kit', level: 'silent' }));
    // A real driver error: nothing listens on this port.
    const client = new MongoClient('mongodb://127.0.0.1:9/', { serverSelectionTimeoutMS: 300 });
    const err = await client
      .db('x')
      .command({ ping: 1 })
      .then(
        () => null,
        (e: unknown) => e,
      );
    await client.close();
    expect(err).toBeTruthy();
    const answer = format({ message: String(err) }, err);
    expect(answer).toEqual({
      message: 'The service cannot reach its database right now; retry shortly',
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: 5 },
    });
    // The same message wrapped by a resolver's own error still counts.
    expect(
      format({ message: 'x' }, new Error('save failed', { cause: err })).extensions?.code,
    ).toBe('SERVICE_UNAVAILABLE');
  });

  it('answers a request abandoned by the gateway as retryable, logged as such and not as an internal error', () => {
    const lines: { level: number; msg: string }[] = [];
    const logger = createLogger({
      service: 'kit',
      level: 'info',
      destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
    });
    const answer = createFormatError(logger)({ message: 'x' }, new RequestAbandonedError());
    expect(answer.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfter: 1 });
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [30, 'request abandoned: its reads stopped'],
    ]);
  });
});
