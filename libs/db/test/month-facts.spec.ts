// Month facts on a real server: what is written reads back the same before and after the months
// are packed (`compact`), and a write that lands while a month is being packed is never lost.
import { inflateRawSync } from 'node:zlib';
import type { Connection } from 'mongoose';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from '@portal/testing';
import { MonthFacts, type StoredFact } from '../src';

const db = useTestDatabase('db-month-facts');
let conn: Connection;

beforeAll(async () => {
  conn = await db.connection();
});

const NOV = new Date('2026-11-10T03:00:00Z');
const DEC = new Date('2026-12-02T03:00:00Z');
const sorted = (facts: StoredFact[]) =>
  facts.map((f) => `${f.month} ${f.id} ${f.fact}`).sort((a, b) => a.localeCompare(b));
const raw = (store: MonthFacts, month: string) =>
  store.model.collection.findOne({ _id: month as never }) as Promise<{
    p?: { buffer: Uint8Array };
    f?: Record<string, string>;
    v?: number;
  } | null>;
/** A packed month's facts, as stored: deflated lines of `id<TAB>fact`. */
const unpack = (p: { buffer: Uint8Array } | undefined) =>
  Object.fromEntries(
    inflateRawSync(p!.buffer)
      .toString('utf8')
      .split('\n')
      .map((line) => line.split('\t')),
  );

describe('month facts', () => {
  it('reads back every write, packed or not, and packing leaves one string per month', async () => {
    const store = new MonthFacts(conn, 'facts_round_trip');
    await store.putMany([
      { id: 'a', at: NOV, fact: '["a1"]' },
      { id: 'b', at: NOV, fact: '["b1"]' },
      { id: 'c', at: DEC, fact: '["c1"]' },
    ]);
    await store.put('d', DEC, '["d1"]');
    const before = sorted(await store.readAll());
    expect(before).toEqual([
      '2026-11 a ["a1"]',
      '2026-11 b ["b1"]',
      '2026-12 c ["c1"]',
      '2026-12 d ["d1"]',
    ]);

    expect(await store.compact()).toBe(2);
    expect(sorted(await store.readAll())).toEqual(before);
    const nov = await raw(store, '2026-11');
    expect(nov?.f).toBeUndefined();
    expect(unpack(nov?.p)).toEqual({ a: '["a1"]', b: '["b1"]' });
    expect(await store.compact(), 'nothing written since').toBe(0);

    // Writes after packing lie over the packed facts: a change, a removal by `put`, a removal
    // of a subject whose month is unknown, and a new subject.
    await store.put('a', NOV, '["a2"]');
    await store.put('b', NOV, null);
    await store.remove('c');
    await store.put('e', DEC, '["e1"]');
    const after = ['2026-11 a ["a2"]', '2026-12 d ["d1"]', '2026-12 e ["e1"]'];
    expect(sorted(await store.readAll())).toEqual(after);
    expect(sorted(await store.read(DEC, new Date('2026-12-31T00:00:00Z')))).toEqual(after.slice(1));

    expect(await store.compact()).toBe(2);
    expect(sorted(await store.readAll())).toEqual(after);
    expect(unpack((await raw(store, '2026-12'))?.p)).toEqual({ d: '["d1"]', e: '["e1"]' });
  });

  it('refuses a fact or id that would break the packed lines, writing nothing', async () => {
    const store = new MonthFacts(conn, 'facts_refused');
    await expect(store.put('a', NOV, 'two\nlines')).rejects.toThrow(/tab or newline/);
    await expect(store.put('a\tb', NOV, '["x"]')).rejects.toThrow(/tab or newline/);
    await expect(store.putMany([{ id: '', at: NOV, fact: '["x"]' }])).rejects.toThrow(/empty/);
    expect(await store.readAll()).toEqual([]);
  });

  it('keeps a write that lands between reading a month and packing it', async () => {
    const store = new MonthFacts(conn, 'facts_race');
    await store.put('a', NOV, '["a1"]');
    // The write lands just before the packing update reaches the server.
    const updateOne = store.model.updateOne.bind(store.model);
    let raced = false;
    const spy = vi.spyOn(store.model, 'updateOne').mockImplementation(((
      ...args: Parameters<typeof updateOne>
    ) => {
      spy.mockRestore();
      raced = true;
      return store.put('late', NOV, '["late"]').then(() => updateOne(...args));
    }) as never);

    expect(await store.compact(), 'the month changed after it was read').toBe(0);
    expect(raced).toBe(true);
    expect(sorted(await store.readAll())).toEqual(['2026-11 a ["a1"]', '2026-11 late ["late"]']);
    expect(await store.compact()).toBe(1);
    expect(sorted(await store.readAll())).toEqual(['2026-11 a ["a1"]', '2026-11 late ["late"]']);
  });

  it('packs a month written before writes were counted (no `v`)', async () => {
    const store = new MonthFacts(conn, 'facts_legacy');
    await store.model.collection.insertOne({ _id: '2026-11' as never, f: { a: '["a1"]' } });
    expect(await store.compact()).toBe(1);
    expect(sorted(await store.readAll())).toEqual(['2026-11 a ["a1"]']);
    expect((await raw(store, '2026-11'))?.f).toBeUndefined();
  });

  it('reconcile makes the facts what the records say, and packs them', async () => {
    const store = new MonthFacts(conn, 'facts_reconcile');
    await store.put('gone', NOV, '["old"]');
    await store.put('moved', NOV, '["m"]');
    const records = new Map([
      ['moved', { at: DEC, fact: '["m"]' }],
      ['kept', { at: NOV, fact: '["k"]' }],
    ]);
    expect(await store.readWhenBuilt(), 'not built yet: the records answer').toBeNull();
    const result = await store.reconcile(
      async () => records,
      async () => {},
    );
    expect(result.changed).toBe(3);
    expect(sorted(await store.readAll())).toEqual(['2026-11 kept ["k"]', '2026-12 moved ["m"]']);
    for (const month of ['2026-11', '2026-12'])
      expect((await raw(store, month))?.f).toBeUndefined();
    expect(await store.builtAt()).toBeInstanceOf(Date);
    expect(sorted((await store.readWhenBuilt())!)).toEqual([
      '2026-11 kept ["k"]',
      '2026-12 moved ["m"]',
    ]);
    expect(
      sorted((await store.readWhenBuilt({ from: DEC, to: new Date('2027-01-01T00:00:00Z') }))!),
    ).toEqual(['2026-12 moved ["m"]']);
  });
});
