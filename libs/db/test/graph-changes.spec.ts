// Tracked models report their writes as graph changes (which purge the gateway's cached
// answers): saves, inserts and query writes, with ids and whether lists may have changed.
import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { testServices, uniqueName, useTestDatabase } from '@portal/testing';
import { Redis } from 'ioredis';
import {
  cacheListPages,
  findList,
  mergeChanges,
  paginate,
  sendGraphChanges,
  trackGraphChanges,
  type TrackedChange,
} from '../src';

const db = useTestDatabase('db-graph-changes');
let conn: Connection;
let items: Model<any>;
let notes: Model<any>;
let replies: Model<any>;
let untracked: Model<any>;
let sent: TrackedChange[] = [];

const ItemSchema = new Schema({
  title: { type: String, required: true },
  status: { type: String, required: true },
  body: String,
});
trackGraphChanges(ItemSchema, { type: 'Item', listPaths: ['status'] });
const NoteSchema = new Schema({ itemId: String, text: String });
trackGraphChanges(NoteSchema, {
  type: 'Note',
  related: (note) => [
    { type: 'Item', ids: note.itemId ? [String(note.itemId)] : [], lists: false },
  ],
});
const ReplySchema = new Schema({ itemId: String, text: String });
trackGraphChanges(ReplySchema, {
  type: 'Reply',
  parent: { type: 'Item', idPath: 'itemId', lists: true },
});

beforeAll(async () => {
  conn = await db.connection();
  items = conn.model('Item', ItemSchema);
  notes = conn.model('Note', NoteSchema);
  replies = conn.model('Reply', ReplySchema);
  untracked = conn.model('Plain', new Schema({ title: String }));
  sendGraphChanges(conn, async (changes) => void sent.push(...changes));
});
beforeEach(() => {
  sent = [];
});

describe('graph changes of tracked models', () => {
  it('reports a new document as a list change, an edit of other paths as an object change', async () => {
    const item = await items.create({ title: 'Sổ tay', status: 'DRAFT' });
    const id = String(item._id);
    expect(sent).toEqual([{ type: 'Item', ids: [id], lists: true }]);
    sent = [];
    item.body = 'Nội dung';
    await item.save();
    expect(sent).toEqual([{ type: 'Item', ids: [id], lists: false }]);
    sent = [];
    item.status = 'PUBLISHED';
    await item.save();
    expect(sent).toEqual([{ type: 'Item', ids: [id], lists: true }]);
  });

  it('reports query writes with the ids of their filter, or the whole type without them', async () => {
    const [a, b] = await items.insertMany([
      { title: 'A', status: 'DRAFT' },
      { title: 'B', status: 'DRAFT' },
    ]);
    const ids = [String(a!._id), String(b!._id)];
    expect(sent).toEqual([{ type: 'Item', ids, lists: true }]);

    sent = [];
    await items.updateOne({ _id: a!._id }, { $set: { body: 'x' } });
    expect(sent).toEqual([{ type: 'Item', ids: [ids[0]], lists: false }]);

    sent = [];
    await items.updateMany({ _id: { $in: [a!._id, b!._id] } }, { $set: { status: 'PUBLISHED' } });
    expect(sent).toEqual([{ type: 'Item', ids, lists: true }]);

    sent = [];
    await items.updateMany({ title: { $in: ['A', 'B'] } }, { $set: { body: 'y' } });
    expect(sent).toEqual([{ type: 'Item', ids: [], lists: true }]);

    sent = [];
    const found = await items.findOneAndUpdate({ title: 'B' }, { $set: { body: 'z' } });
    expect(sent).toEqual([{ type: 'Item', ids: [ids[1]], lists: false }]);
    expect(found).not.toBeNull();

    sent = [];
    await items.deleteOne({ _id: a!._id });
    expect(sent).toEqual([{ type: 'Item', ids: [ids[0]], lists: true }]);
  });

  it('reports nothing for writes that change nothing, and nothing for untracked models', async () => {
    const item = await items.create({ title: 'C', status: 'DRAFT' });
    sent = [];
    await items.updateOne({ _id: item._id, status: 'ARCHIVED' }, { $set: { body: 'x' } });
    await items.deleteOne({ title: 'không có' });
    await untracked.create({ title: 'D' });
    await untracked.updateMany({}, { $set: { title: 'E' } });
    expect(sent).toEqual([]);
  });

  it('reports the related objects a write changes', async () => {
    await notes.create({ itemId: 'item-1', text: 'ghi chú' });
    expect(sent).toEqual([
      { type: 'Note', ids: [expect.any(String)], lists: true },
      { type: 'Item', ids: ['item-1'], lists: false },
    ]);
    sent = [];
    await notes.deleteOne({ itemId: 'item-1' });
    expect(sent).toEqual([
      { type: 'Note', ids: [], lists: true },
      { type: 'Item', ids: ['item-1'], lists: false },
    ]);
  });

  it('reports the parent a write changes, from the documents or the filter', async () => {
    const reply = await replies.create({ itemId: 'item-2', text: 'trả lời' });
    expect(sent).toEqual([
      { type: 'Reply', ids: [String(reply._id)], lists: true },
      { type: 'Item', ids: ['item-2'], lists: true },
    ]);
    sent = [];
    await replies.insertMany([{ itemId: 'item-3' }, { text: 'không có cha' }]);
    // A reply whose parent is unknown may change any Item: the whole type, which holds item-3.
    expect(sent).toEqual([
      { type: 'Reply', ids: [expect.any(String), expect.any(String)], lists: true },
      { type: 'Item', ids: [], lists: true },
    ]);
    sent = [];
    await replies.updateMany({ itemId: 'item-2' }, { $set: { text: 'sửa' } });
    expect(sent).toEqual([
      { type: 'Reply', ids: [], lists: true },
      { type: 'Item', ids: ['item-2'], lists: true },
    ]);
  });

  it('reads the parent of an upsert by id from the values it writes, not the whole type', async () => {
    const id = new mongoose.Types.ObjectId();
    await replies.replaceOne({ _id: id }, { itemId: 'item-9', text: 'thay' }, { upsert: true });
    expect(sent).toEqual([
      { type: 'Reply', ids: [String(id)], lists: true },
      { type: 'Item', ids: ['item-9'], lists: true },
    ]);
    sent = [];
    const other = new mongoose.Types.ObjectId();
    await replies.updateOne(
      { _id: other },
      { $setOnInsert: { itemId: 'item-7' }, $set: { text: 'mới' } },
      { upsert: true },
    );
    expect(sent).toEqual([
      { type: 'Reply', ids: [String(other)], lists: true },
      { type: 'Item', ids: ['item-7'], lists: true },
    ]);
  });

  it('reports a bulk write as one change per type, however many parents its documents name', async () => {
    const docs = Array.from({ length: 120 }, (_, n) => ({ itemId: `bulk-${n % 3}`, text: `${n}` }));
    const written = await replies.insertMany(docs);
    expect(sent).toEqual([
      { type: 'Reply', ids: written.map((r) => String(r._id)), lists: true },
      { type: 'Item', ids: ['bulk-0', 'bulk-1', 'bulk-2'], lists: true },
    ]);
  });

  it('merges changes of one type: the union of their ids, or the whole type', () => {
    expect(
      mergeChanges([
        { type: 'Item', ids: ['a'], lists: false },
        { type: 'Note', ids: ['n'], lists: true },
        { type: 'Item', ids: ['b', 'a'], lists: true },
      ]),
    ).toEqual([
      { type: 'Item', ids: ['a', 'b'], lists: true },
      { type: 'Note', ids: ['n'], lists: true },
    ]);
    expect(
      mergeChanges([
        { type: 'Item', ids: ['a'], lists: false },
        { type: 'Item', ids: [], lists: false },
      ]),
    ).toEqual([{ type: 'Item', ids: [], lists: true }]);
  });

  it('never fails a write when the changes cannot be sent', async () => {
    sendGraphChanges(conn, async () => {
      throw new Error('redis is away');
    });
    try {
      const item = await items.create({ title: 'F', status: 'DRAFT' });
      expect(await items.findById(item._id)).not.toBeNull();
    } finally {
      sendGraphChanges(conn, async (changes) => void sent.push(...changes));
    }
  });
});

/** Runs `body` on an empty collection, with a page cache of its own. */
async function withPageCache(label: string, body: () => Promise<void>) {
  const redis = new Redis(testServices().redisUrl);
  try {
    cacheListPages(conn, { redis, prefix: `${uniqueName(label)}:` });
    await items.deleteMany({});
    await body();
  } finally {
    await redis.quit();
  }
}

/** The filter of every `find` on `items` from now on (restored by vi.restoreAllMocks). */
function recordFinds(): any[] {
  const filters: any[] = [];
  const find = items.find.bind(items);
  vi.spyOn(items, 'find').mockImplementation(((filter: any, ...rest: any[]) => {
    filters.push(filter);
    return find(filter, ...rest);
  }) as typeof items.find);
  return filters;
}

describe('list pages cached until their lists change', () => {
  it('serves a repeated page from its cached shape and documents, and drops it when the lists change', () =>
    withPageCache('pages', async () => {
      await items.insertMany([
        { title: 'Một', status: 'PUBLISHED' },
        { title: 'Hai', status: 'PUBLISHED' },
      ]);
      const page = () =>
        paginate(items, { filter: { status: 'PUBLISHED' }, sort: [['_id', -1]], first: 5 });
      const first = await page();
      expect(first.nodes.map((n: any) => n.title)).toEqual(['Hai', 'Một']);
      expect(await first.totalCount()).toBe(2);
      await page(); // its documents, read by id and kept

      // A write that bypasses the models (raw driver) is not seen: the shape is cached, and
      // so are the documents (every write of the apps goes through their models).
      await items.collection.insertOne({ title: 'Ba', status: 'PUBLISHED' });
      await items.collection.updateOne({ title: 'Hai' }, { $set: { body: 'thô' } });
      const cached = await page();
      expect(cached.nodes.map((n: any) => n.title)).toEqual(['Hai', 'Một']);
      expect(cached.nodes[0].body).toBeUndefined();
      expect(await cached.totalCount()).toBe(2);
      // A tracked edit of a path no list depends on is seen at once: that document is read
      // again, the page's shape is kept.
      await items.updateOne({ _id: first.nodes[0]._id }, { $set: { body: 'mới' } });
      const edited = await page();
      expect(edited.nodes.map((n: any) => [n.title, n.body])).toEqual([
        ['Hai', 'mới'],
        ['Một', undefined],
      ]);

      // A tracked write that can change the lists makes the next read query again.
      await items.create({ title: 'Bốn', status: 'PUBLISHED' });
      const fresh = await page();
      expect(fresh.nodes.map((n: any) => n.title)).toEqual(['Bốn', 'Ba', 'Hai', 'Một']);
      expect(await fresh.totalCount()).toBe(4);

      // So does one through another connection to the same database.
      const other = await mongoose.createConnection(db.uri, { dbName: db.dbName }).asPromise();
      try {
        await other
          .model('Item', ItemSchema)
          .updateOne({ title: 'Ba' }, { $set: { status: 'ARCHIVED' } });
        expect((await page()).nodes.map((n: any) => n.title)).toEqual(['Bốn', 'Hai', 'Một']);
      } finally {
        await other.close();
      }
    }));
});

describe('short lists kept until their lists change', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('serves a repeated list from its kept ids and documents, and reads it again after a tracked write', () =>
    withPageCache('lists', async () => {
      await items.insertMany([
        { title: 'Một', status: 'PUBLISHED' },
        { title: 'Hai', status: 'DRAFT' },
        { title: 'Ba', status: 'PUBLISHED' },
      ]);
      const queries = recordFinds();
      const list = async () =>
        (await findList(items, { filter: { status: 'PUBLISHED' }, sort: [['title', 1]] })).map(
          (n: any) => [n.title, n.body],
        );

      expect(await list()).toEqual([
        ['Ba', undefined],
        ['Một', undefined],
      ]);
      expect(queries).toEqual([{ status: 'PUBLISHED' }]);
      await list(); // the kept ids; the documents by id, then kept
      queries.length = 0;
      expect(await list()).toEqual([
        ['Ba', undefined],
        ['Một', undefined],
      ]);
      expect(queries).toEqual([]);

      // An edit of one document (by id) is read again by id, the list kept.
      const ba = await items.findOne({ title: 'Ba' }).lean<{ _id: unknown }>();
      queries.length = 0;
      await items.updateOne({ _id: ba!._id }, { $set: { body: 'mới' } });
      expect(await list()).toEqual([
        ['Ba', 'mới'],
        ['Một', undefined],
      ]);
      expect(queries.map((q) => Object.keys(q))).toEqual([['_id']]);
      // A write that can change the list makes it a query again.
      queries.length = 0;
      await items.updateOne({ title: 'Hai' }, { $set: { status: 'PUBLISHED' } });
      expect(await list()).toEqual([
        ['Ba', 'mới'],
        ['Hai', undefined],
        ['Một', undefined],
      ]);
      expect(queries).toEqual([{ status: 'PUBLISHED' }]);
    }));
});

describe('documents of list pages kept until they change', () => {
  const ids = (xs: { _id: unknown }[]) => xs.map((x) => String(x._id));
  const page = (first: number) =>
    paginate(items, { filter: { status: 'PUBLISHED' }, sort: [['_id', 1]], first });
  /** The ids each read by id of `items` asked for; `after` runs once such a read has its answer. */
  function watchReadsById(after?: () => Promise<void>) {
    const reads: string[][] = [];
    const find = items.find.bind(items);
    vi.spyOn(items, 'find').mockImplementation(((filter: any, ...rest: any[]) => {
      const query = find(filter, ...rest);
      const wanted = filter?._id?.$in as unknown[] | undefined;
      if (!wanted) return query;
      reads.push(wanted.map(String));
      const exec = query.exec.bind(query);
      query.exec = (async () => {
        const answer = await exec();
        await after?.();
        return answer;
      }) as typeof query.exec;
      return query;
    }) as typeof items.find);
    return reads;
  }
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reads the database only for documents changed since they were kept', () =>
    withPageCache('docs', async () => {
      await items.insertMany(
        Array.from({ length: 6 }, (_, i) => ({ title: `Mục ${i}`, status: 'PUBLISHED' })),
      );
      await page(6); // the shape, from the query
      const reads = watchReadsById();
      const first = await page(6); // the documents, by id, kept
      expect(reads).toHaveLength(1);
      expect(reads[0]).toHaveLength(6);
      reads.length = 0;
      expect((await page(6)).nodes.map((n: any) => n.title)).toEqual(
        first.nodes.map((n: any) => n.title),
      );
      expect(reads).toEqual([]);

      // One edited (by id, and through a filter on another field): only it is read again.
      const [a, b] = ids(first.nodes);
      await items.updateOne({ _id: a }, { $set: { body: 'một' } });
      await items.findOneAndUpdate({ title: 'Mục 1' }, { $set: { body: 'hai' } });
      const after = await page(6);
      expect(after.nodes.slice(0, 2).map((n: any) => n.body)).toEqual(['một', 'hai']);
      expect(reads).toHaveLength(1);
      expect(reads[0]!.sort()).toEqual([a, b].sort());
    }));

  it('never keeps a document read before a write under a version a later read asks for', () =>
    withPageCache('docs-race', async () => {
      const item = await items.create({ title: 'Cũ', status: 'PUBLISHED' });
      await page(5);
      // The next read's documents come from the database: a write lands while that read is
      // under way, after the document was read and before it is kept.
      let raced = false;
      watchReadsById(async () => {
        if (raced) return;
        raced = true;
        await items.updateOne({ _id: item._id }, { $set: { title: 'Mới' } });
      });
      expect((await page(5)).nodes.map((n: any) => n.title)).toEqual(['Cũ']);
      expect(raced).toBe(true);
      // The stale copy was kept under the versions read before the write: never read again.
      expect((await page(5)).nodes.map((n: any) => n.title)).toEqual(['Mới']);
    }));

  it('runs one query for readers that miss the same page at once', () =>
    withPageCache('docs-once', async () => {
      await items.insertMany([
        { title: 'A', status: 'PUBLISHED' },
        { title: 'B', status: 'PUBLISHED' },
      ]);
      const finds = recordFinds();
      const pages = await Promise.all(Array.from({ length: 8 }, () => page(5)));
      for (const p of pages) expect(p.nodes.map((n: any) => n.title)).toEqual(['A', 'B']);
      // One query for the page; reads by id are the documents'.
      expect(finds.filter((filter) => !filter?._id?.$in)).toHaveLength(1);
    }));
});
