// A conditional update is applied to a document atomically, as on MongoDB: leases, claims and
// optimistic version checks depend on it. (FerretDB 1.24 read, then wrote, with nothing held
// in between; the embedded build serializes them per collection: infra/ferretdb/patches.json.)
import type { Connection } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@portal/testing';

const db = useTestDatabase('db-atomic');
let conn: Connection;
const WRITERS = 16;
const ROUNDS = 5;

beforeAll(async () => {
  conn = await db.connection();
});

describe('conditional updates under concurrency', () => {
  it('lets exactly one of many concurrent claims of a free document win (updateOne)', async () => {
    const leases = conn.db!.collection<{ _id: string; holder: number | null }>('leases');
    for (let round = 0; round < ROUNDS; round++) {
      const _id = `update-${round}`;
      await leases.insertOne({ _id, holder: null });
      const results = await Promise.all(
        Array.from({ length: WRITERS }, (_, i) =>
          leases.updateOne({ _id, holder: null }, { $set: { holder: i } }),
        ),
      );
      const winners = results.flatMap((r, i) => (r.modifiedCount === 1 ? [i] : []));
      expect(winners, `round ${round}`).toHaveLength(1);
      expect((await leases.findOne({ _id }))!.holder).toBe(winners[0]);
    }
  });

  it('lets exactly one of many concurrent claims of a free document win (findOneAndUpdate)', async () => {
    const leases = conn.db!.collection<{ _id: string; holder: number | null }>('leases');
    for (let round = 0; round < ROUNDS; round++) {
      const _id = `find-and-modify-${round}`;
      await leases.insertOne({ _id, holder: null });
      const results = await Promise.all(
        Array.from({ length: WRITERS }, (_, i) =>
          leases.findOneAndUpdate(
            { _id, holder: null },
            { $set: { holder: i } },
            { returnDocument: 'after' },
          ),
        ),
      );
      const winners = results.filter((doc) => doc !== null);
      expect(winners, `round ${round}`).toHaveLength(1);
      expect((await leases.findOne({ _id }))!.holder).toBe(winners[0]!.holder);
    }
  });

  it('keeps every write of concurrent writers that check a version and retry (optimistic concurrency)', async () => {
    const records = conn.db!.collection<{ _id: string; version: number; notes: number[] }>(
      'records',
    );
    await records.insertOne({ _id: 'r', version: 0, notes: [] });
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, i) => {
        for (;;) {
          const { version } = (await records.findOne({ _id: 'r' }))!;
          const res = await records.updateOne(
            { _id: 'r', version },
            { $set: { version: version + 1 }, $push: { notes: i } },
          );
          if (res.modifiedCount === 1) return;
        }
      }),
    );
    const final = (await records.findOne({ _id: 'r' }))!;
    expect(final.version).toBe(WRITERS);
    expect([...final.notes].sort((a, b) => a - b)).toEqual(
      Array.from({ length: WRITERS }, (_, i) => i),
    );
  });
});
