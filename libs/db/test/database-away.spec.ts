import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '@portal/errors';
import { waitUntil } from '@portal/testing';
import { SERVER_SELECTION_TIMEOUT_MS, pingDatabase } from '../src';
import { restartableDatabase } from './support/restartable-database';

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: Error) => e,
  );

/** The error, or null, as the services' classifier sees it (SERVICE_UNAVAILABLE when true). */
const unavailable = (e: Error | null) => ({
  error: e && `${e.name} ${(e as { code?: unknown }).code ?? ''}: ${e.message}`,
  unavailable: isDatabaseUnavailable(e),
});

describe('a service whose database goes away', () => {
  it('gets an error within the server selection (2 s), and is found again by the readiness ping when it returns', async () => {
    const db = await restartableDatabase('away');
    const { conn, Note } = db;
    try {
      await Note.create({ text: 'trước' });
      await db.stop();
      // The first operation finds the server gone: bounded by the server selection, not
      // held until the caller gave up (mongoose would otherwise buffer it), and failing with
      // an error the services answer as retryable. Which error depends on when it meets the
      // closing connection: a refused reconnect (MongoNetworkError), or, when it is written
      // to a pooled connection whose close the driver has not seen yet, the bare socket error
      // (EPIPE) the driver passes on.
      let started = performance.now();
      const first = await failure(Note.create({ text: 'sau' }));
      expect(unavailable(first)).toMatchObject({ unavailable: true });
      expect(performance.now() - started).toBeLessThan(SERVER_SELECTION_TIMEOUT_MS + 3000);
      // And so is every later one while it stays away.
      for (const op of [
        () => Note.findOne({ text: 'trước' }).exec(),
        () => Note.updateOne({ text: 'trước' }, { text: 'sửa' }).exec(),
      ]) {
        started = performance.now();
        expect(unavailable(await failure(op()))).toMatchObject({ unavailable: true });
        expect(performance.now() - started).toBeLessThan(SERVER_SELECTION_TIMEOUT_MS + 3000);
      }
      await db.restart();
      // Found again with no other traffic than a readiness ping (which goes to the driver even
      // while the loss is known), then writes work again.
      await waitUntil(async () => (await failure(pingDatabase(conn))) === null, {
        what: 'the readiness ping to find the database back',
        timeoutMs: 60_000,
        intervalMs: 1000,
      });
      expect(conn.readyState).toBe(1);
      await waitUntil(async () => (await failure(Note.create({ text: 'trở lại' }))) === null, {
        what: 'a write after the database returned',
        timeoutMs: 60_000,
        intervalMs: 250,
      });
      expect(await Note.countDocuments({ text: { $in: ['trước', 'trở lại'] } })).toBe(2);
    } finally {
      await db.close();
    }
  }, 180_000);
});
