// The retrieval index's writes: objects replaced together, their stale passages dropped, in a
// fixed number of database commands however many objects there are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@portal/testing';
import mongoose, { type Connection } from 'mongoose';
import { assistantModels, type AssistantModels } from '../src/models';
import { PassageIndex, type SourceDocument } from '../src/retrieval/passage-index';
import { IndexService } from '../src/services/index.service';
import { logger } from './support/harness';

const db = useTestDatabase('asst_passages');
let conn: Connection;
let models: AssistantModels;
let index: PassageIndex;
const commands: string[] = [];

beforeAll(async () => {
  conn = await mongoose
    .createConnection(db.uri, { dbName: db.dbName, monitorCommands: true })
    .asPromise();
  models = await assistantModels.prepare(conn);
  index = new PassageIndex(models, logger);
  conn.getClient().on('commandStarted', (e) => commands.push(e.commandName));
});
afterAll(() => conn?.close());

/** An article's documents: `sentences` sentences of about 60 characters (600 a passage). */
const article = (id: string, sentences: number): SourceDocument[] => [
  {
    kind: 'ARTICLE',
    citeId: id,
    title: `Bài viết ${id}`,
    link: `https://portal.example/tin-tuc/${id}`,
    text: Array.from(
      { length: sentences },
      (_, i) => `Câu số ${i} nói về chuyển đổi số của thành phố ${id} hôm nay.`,
    ).join(' '),
  },
];

const passagesOf = async (id: string) =>
  (await models.Passage.find({ sourceType: 'Article', sourceId: id }, { _id: 1 }).lean())
    .map((p) => String(p._id))
    .sort();

describe('the passage index', () => {
  it('replaces many objects in one write and one delete, dropping what they no longer have', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `a${i}`);
    commands.length = 0;
    const written = await index.replace(
      'Article',
      ids.map((id) => ({ id, docs: article(id, 30) })),
    );
    expect(written).toBeGreaterThan(40); // several passages each
    expect(commands.filter((c) => c !== 'endSessions')).toEqual(['update', 'delete']);
    const before = await passagesOf('a0');
    expect(before.length).toBeGreaterThan(1);

    // a0 shrinks to one passage, a1 is no longer published, the rest are as they were.
    const unchanged = await passagesOf('a2');
    commands.length = 0;
    await index.replace('Article', [
      { id: 'a0', docs: article('a0', 2) },
      { id: 'a1', docs: [] },
    ]);
    expect(commands.filter((c) => c !== 'endSessions')).toEqual(['update', 'delete']);
    expect(await passagesOf('a0')).toEqual(['Article:a0:a0:0']);
    expect(await passagesOf('a1')).toEqual([]);
    expect(await passagesOf('a2')).toEqual(unchanged);
  });

  it('puts and removes one object, idempotently', async () => {
    await index.put('Article', 'b1', article('b1', 25));
    const first = await passagesOf('b1');
    await index.put('Article', 'b1', article('b1', 25));
    expect(await passagesOf('b1')).toEqual(first);
    await index.remove('Article', 'b1');
    expect(await passagesOf('b1')).toEqual([]);
    expect(await index.replace('Article', [])).toBe(0);
  });

  it('drops, at a rebuild, the passages of every object that is gone, in one delete', async () => {
    // Datasets that no longer exist in the catalog (it holds none here) still have passages.
    for (const id of ['d1', 'd2', 'd3']) await index.put('Dataset', id, article(id, 3));
    await index.put('Article', 'kept', article('kept', 3));
    const service = new IndexService({
      models,
      index,
      sources: null,
      portalUrl: 'https://data.example',
      logger,
    });
    commands.length = 0;
    expect(await service.rebuild(['Dataset'])).toEqual({ Dataset: 0 });
    expect(commands.filter((c) => c === 'delete')).toHaveLength(1);
    expect(await models.Passage.countDocuments({ sourceType: 'Dataset' })).toBe(0);
    expect(await passagesOf('kept')).not.toEqual([]);
  });
});
