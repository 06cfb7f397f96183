import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, startFerretdb } from '@portal/local-services';
import { connectDatabase } from '../src';

describe('a service whose database goes away', () => {
  it('gets a server-selection error within seconds, not a write held until the caller gave up', async () => {
    const db = await startFerretdb({
      port: await freePort(),
      dir: mkdtempSync(join(tmpdir(), 'db-away-')),
    });
    const conn = await connectDatabase({ uri: db.uri, dbName: 'away' });
    try {
      await conn.collection('notes').insertOne({ text: 'trước' });
      await db.process.stop();
      const started = performance.now();
      const err = await conn
        .collection('notes')
        .insertOne({ text: 'sau' })
        .then(
          () => null,
          (e: Error) => e,
        );
      // Mongoose would otherwise buffer the write (bufferTimeoutMS) while disconnected.
      expect(err?.name).toMatch(
        /MongoServerSelectionError|MongoNetworkError|MongoNotConnectedError/,
      );
      expect(performance.now() - started).toBeLessThan(9000);
    } finally {
      await conn.close().catch(() => {});
      await db.process.stop();
    }
  }, 120_000);
});
