import { Schema, Types, type Connection } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@portal/testing';
import {
  conflictOnDuplicate,
  createWithUniqueSlug,
  findByIds,
  insertOnce,
  paginate,
  pingDatabase,
  seedOnce,
  syncIndexes,
  type SortSpec,
} from '../src';

const db = useTestDatabase('db-lib');
let conn: Connection;

const ArticleSchema = new Schema({
  slug: { type: String, required: true, unique: true },
  title: { type: String, required: true },
  publishedAt: { type: Date, required: true },
});
const ClaimSchema = new Schema({ _id: String, at: Date });

beforeAll(async () => {
  conn = await db.connection();
  conn.model('Article', ArticleSchema);
  conn.model('Claim', ClaimSchema);
  await syncIndexes(conn);
});

describe('db lib on a real FerretDB', () => {
  it('answers a ping', async () => {
    await expect(pingDatabase(conn)).resolves.toBeUndefined();
  });

  it('refuses a duplicate unique key with CONFLICT and keeps the original', async () => {
    const Article = conn.model('Article');
    await Article.create({
      slug: 'chuyen-doi-so',
      title: 'Chuyển đổi số',
      publishedAt: new Date(),
    });
    await expect(
      conflictOnDuplicate(
        () => Article.create({ slug: 'chuyen-doi-so', title: 'Khác', publishedAt: new Date() }),
        'slug taken',
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'slug taken' });
    const kept = await Article.find({ slug: 'chuyen-doi-so' }).lean();
    expect(kept).toHaveLength(1);
    expect(kept[0]!.title).toBe('Chuyển đổi số');
  });

  it('claims a key exactly once under concurrency', async () => {
    const Claim = conn.model('Claim');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => insertOnce(Claim, { _id: 'job-1', at: new Date() })),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await Claim.countDocuments({ _id: 'job-1' })).toBe(1);
  });

  it('allocates the first free slug, also when many take the same title at once', async () => {
    const Article = conn.model('Article');
    const build = (slug: string) => ({ slug, title: 'Bản tin', publishedAt: new Date() });
    await Article.create(build('ban-tin-3'));
    const first = await createWithUniqueSlug(Article, 'ban-tin', build);
    expect(first.slug).toBe('ban-tin');
    expect((await createWithUniqueSlug(Article, 'ban-tin', build)).slug).toBe('ban-tin-2');
    const racing = await Promise.all(
      Array.from({ length: 6 }, () => createWithUniqueSlug(Article, 'ban-tin', build)),
    );
    const slugs = racing.map((d) => d.slug);
    expect(new Set(slugs).size).toBe(6);
    expect(slugs).not.toContain('ban-tin-3');
    expect(await Article.countDocuments({ slug: /^ban-tin/ })).toBe(9);
  });

  it('paginates newest first without duplicates or gaps while rows are inserted', async () => {
    const Page = conn.model('Page', new Schema({ n: Number, publishedAt: Date }));
    const base = Date.UTC(2025, 0, 1);
    // Several rows share a timestamp, so the _id tie-breaker matters.
    await Page.insertMany(
      Array.from({ length: 45 }, (_, i) => ({
        n: i,
        publishedAt: new Date(base + Math.floor(i / 3) * 1000),
      })),
    );
    const sort: SortSpec = [
      ['publishedAt', -1],
      ['_id', -1],
    ];
    const seen: number[] = [];
    let after: string | null = null;
    let inserted = 0;
    for (;;) {
      const page: Awaited<ReturnType<typeof paginate>> = await paginate(Page, {
        filter: {},
        sort,
        first: 10,
        after,
      });
      seen.push(...page.nodes.map((d) => (d as { n: number }).n));
      // New rows arrive at the top while a reader pages down.
      await Page.create({ n: 1000 + inserted++, publishedAt: new Date(base + 10_000_000) });
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(45);
    expect(new Set(seen).size).toBe(45);
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 45 }, (_, i) => i));
    const first = await paginate(Page, { filter: {}, sort, first: 5 });
    expect(await first.totalCount()).toBe(45 + inserted);
  });

  it('refuses bad cursors and negative page sizes with BAD_USER_INPUT', async () => {
    const Article = conn.model('Article');
    await expect(
      paginate(Article, { filter: {}, sort: [['_id', 1]], after: 'garbage' }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'after', message: 'is not a valid cursor' }],
    });
    await expect(
      paginate(Article, { filter: {}, sort: [['_id', 1]], first: -1 }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    // Operators, arrays, regexes and invalid dates smuggled in a cursor never reach a query.
    const forged = (values: string) => Buffer.from(values).toString('base64url');
    for (const values of [
      '[{"$ne":null},{"$oid":"000000000000000000000000"}]',
      '[{"$gt":""},{"$exists":true}]',
      '[["a"],{"$oid":"000000000000000000000000"}]',
      '[{"$regularExpression":{"pattern":".*","options":""}},1]',
      '[{"$date":{"$numberLong":"99999999999999999999"}},1]',
      '[{"$where":"sleep(1000)"},1]',
    ])
      await expect(
        paginate(Article, {
          filter: {},
          sort: [
            ['title', 1],
            ['_id', 1],
          ],
          after: forged(values),
        }),
        values,
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'after' }] });
    // More rows than the cap, so the cap is what stops the page.
    const Row = conn.model('CapRow', new Schema({ n: Number }));
    await Row.insertMany(Array.from({ length: 130 }, (_, n) => ({ n })));
    const capped = await paginate(Row, { filter: {}, sort: [['_id', 1]], first: 1000 });
    expect(capped.nodes).toHaveLength(100);
    expect(capped.pageInfo.hasNextPage).toBe(true);
  });

  it('finds documents by id: ObjectIds as strings or values, duplicates once, missing skipped', async () => {
    const Article = conn.model('Article');
    const docs = await Article.insertMany(
      Array.from({ length: 40 }, (_, i) => ({
        slug: `tim-theo-ma-${i}`,
        title: `Bài ${i}`,
        publishedAt: new Date(),
      })),
    );
    const wanted = docs.slice(5, 30).map((d) => d._id);
    const ids = [...wanted.map(String), wanted[0], String(wanted[1]), new Types.ObjectId()];
    const found = await findByIds<{ _id: Types.ObjectId; slug: string }>(Article, ids, {
      projection: { slug: 1 },
    });
    expect(found.map((d) => String(d._id)).sort()).toEqual(wanted.map(String).sort());
    expect(found[0]).not.toHaveProperty('title');
    expect(await findByIds(Article, [])).toEqual([]);
    const Claim = conn.model('Claim');
    await Claim.create({ _id: 'ma-chuoi', at: new Date() });
    expect(await findByIds(Claim, ['ma-chuoi', 'khong-co'])).toMatchObject([{ _id: 'ma-chuoi' }]);
  });

  it('reads by ids with one $in query, each id once', async () => {
    const Article = conn.model('Article');
    const ids = (await Article.find({}, { _id: 1 }).limit(12).lean()).map((d) => d._id);
    expect(ids.length).toBeGreaterThan(10);
    const filters: Record<string, unknown>[] = [];
    conn.set('debug', (collection: string, method: string, filter: Record<string, unknown>) => {
      if (collection === 'articles' && (method === 'find' || method === 'findOne'))
        filters.push(filter);
    });
    try {
      expect(await findByIds(Article, [...ids, ids[0]])).toHaveLength(ids.length);
    } finally {
      conn.set('debug', false);
    }
    expect(filters).toEqual([{ _id: { $in: ids } }]);
  });

  it('reads more than 500 ids with one $in on any server', async () => {
    const Row = conn.model('ManyRow', new Schema({ n: Number }));
    const rows = await Row.insertMany(Array.from({ length: 520 }, (_, n) => ({ n })));
    const finds: unknown[] = [];
    conn.set('debug', (collection: string, method: string, filter: unknown) => {
      if (collection === 'manyrows' && (method === 'find' || method === 'findOne'))
        finds.push(filter);
    });
    try {
      expect(
        await findByIds(
          Row,
          rows.map((r) => r._id),
        ),
      ).toHaveLength(520);
    } finally {
      conn.set('debug', false);
    }
    expect(finds).toHaveLength(1);
  });

  it('seeds once per database', async () => {
    let runs = 0;
    expect(await seedOnce(conn, 'demo', async () => void runs++)).toBe(true);
    expect(await seedOnce(conn, 'demo', async () => void runs++)).toBe(false);
    expect(runs).toBe(1);
  });
});
