import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { INTERNAL_TOKEN_HEADER } from '@portal/auth';
import { fetchAsGateway } from '@portal/testing';
import { scaleCount, scaleId } from '@portal/testing/bench';
import { planItem, seedScale } from '../bench/scale-data';
import { DEMO_COLLECTIONS } from '../src/seed/demo-library';
import { gqlAs, silentLogger, tokenFor, useTestLibrary } from './helpers';

const lib = useTestLibrary('library-scale');
const now = new Date();
// 20, then 40 items.
const SMALL = 0.01;
const LARGER = 0.02;

const seed = (fraction: number) =>
  seedScale({
    models: lib.models,
    storage: lib.storage,
    counters: lib.counters,
    logger: silentLogger,
    fraction,
    now,
  });

const BROWSE = `query($search: String, $topic: String, $format: MediaFormat) {
  libraryItems(first: 24, filter: { search: $search, topic: $topic, format: $format }) {
    nodes { id slug publishedAt downloadCount }
    totalCount
  }
}`;
const ITEM_PAGE = `query($slug: String!) {
  libraryItem(slug: $slug) {
    id slug title format topics audience publisher language publishedAt status viewCount
    files { id url mimeType sizeBytes sha256 }
    collection { id title }
  }
}`;

async function browse(filter: Record<string, unknown> = {}) {
  const res = await gqlAs(lib, 'anonymous', BROWSE, filter);
  expect(res.errors).toBeUndefined();
  return res.data!.libraryItems as {
    nodes: { id: string; slug: string; publishedAt: string; downloadCount: number }[];
    totalCount: number;
  };
}

describe('the library scale data', () => {
  it('publishes the generated items, newest first, each readable by its slug', async () => {
    const before = (await browse()).totalCount;
    const result = await seed(SMALL);
    const count = scaleCount('libraryItems', SMALL);
    expect(result.inserted.libraryItems).toBe(count);
    expect(result.total.libraryItems).toBe(count);
    expect(result.inserted.itemStats).toBe(count);
    expect(result.inserted.mediaFiles).toBe(result.total.mediaFiles);

    const list = await browse();
    expect(list.totalCount).toBe(before + count);
    const dates = list.nodes.map((n) => n.publishedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    // Spread over about three years even at a small fraction.
    const oldest = Math.min(...(await lib.models.items.find().lean()).map((i) => +i.publishedAt!));
    expect(now.getTime() - oldest).toBeGreaterThan(2 * 365 * 24 * 3600_000);

    // Item 5 is in a demo collection (one in twelve is).
    const plan = planItem(5, now);
    const res = await gqlAs(lib, 'anonymous', ITEM_PAGE, { slug: plan.slug });
    expect(res.errors).toBeUndefined();
    const item = res.data!.libraryItem;
    expect(item.id).toBe(scaleId('libraryItem', 5));
    expect(item.status).toBe('PUBLISHED');
    expect(item.title).toBe(plan.fields.title);
    expect(item.viewCount).toBe(plan.views);
    expect(item.files.map((f: { id: string }) => f.id)).toEqual(
      plan.files.map((f) => f.id.toHexString()),
    );
    expect(DEMO_COLLECTIONS.map((c) => c.title)).toContain(item.collection.title);

    // Found by a word of its title and by its topic, as the app's search keys say.
    const word = plan.fields.title.split(/[\s:]+/).at(-1)!;
    expect((await browse({ search: word })).nodes.map((n) => n.slug)).toContain(plan.slug);
    const byTopic = await browse({ topic: plan.fields.topics[0], format: plan.fields.format });
    expect(byTopic.nodes.map((n) => n.slug)).toContain(plan.slug);
  });

  it("serves a generated item's file, stored once per content", async () => {
    const withFile = Array.from({ length: scaleCount('libraryItems', SMALL) }, (_, i) =>
      planItem(i, now),
    ).find((p) => p.files.length > 0)!;
    const file = (await lib.models.files.findById(withFile.files[0]!.id).lean())!;
    const res = await fetchAsGateway(`${lib.url}/files/${file._id.toHexString()}`, {
      headers: { [INTERNAL_TOKEN_HEADER]: await tokenFor('anonymous') },
    });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
    expect(await lib.models.blobs.countDocuments()).toBeLessThanOrEqual(8);
  });

  it('adds nothing when run again, and only the difference at a larger fraction', async () => {
    const before = (await browse()).totalCount;
    const again = await seed(SMALL);
    expect(again.inserted).toEqual({ libraryItems: 0, mediaFiles: 0, itemStats: 0 });
    expect((await browse()).totalCount).toBe(before);

    const larger = await seed(LARGER);
    const added = scaleCount('libraryItems', LARGER) - scaleCount('libraryItems', SMALL);
    expect(larger.inserted.libraryItems).toBe(added);
    expect(larger.inserted.itemStats).toBe(added);
    expect(larger.inserted.mediaFiles).toBe(larger.total.mediaFiles - again.total.mediaFiles);
    expect((await browse()).totalCount).toBe(before + added);
    expect(await lib.models.items.countDocuments()).toBe(scaleCount('libraryItems', LARGER));
    expect(await lib.models.collections.countDocuments()).toBe(DEMO_COLLECTIONS.length);
  });
});
