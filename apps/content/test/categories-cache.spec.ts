// Categories are read on every list of articles (`category { id name }`) and for the portal's
// menu: their tree and documents are kept with the list pages (as in production, where every
// service's connection caches them), so a repeat reads no category from the database, and a
// new category shows at once.
import { beforeAll, describe, expect, it } from 'vitest';
import { publishGraphChangesOf } from '@portal/queue';
import { createPublished, useContentServer } from './content-harness';

const h = useContentServer('content-categories-cache');

const CREATE_CATEGORY = `mutation($input: CreateCategoryInput!) { createCategory(input: $input) { id } }`;
const READ = `{
  categories { name children { name } }
  articles(first: 5, filter: { kind: NEWS }) { nodes { category { id name } } }
}`;

async function createCategory(input: Record<string, unknown>): Promise<string> {
  const res = await h.call<{ createCategory: { id: string } }>('editor', CREATE_CATEGORY, {
    input,
  });
  expect(res.errors).toBeUndefined();
  return res.data!.createCategory.id;
}

async function read() {
  const res = await h.call<{
    categories: { name: string; children: { name: string }[] }[];
    articles: { nodes: { category: { id: string; name: string } | null }[] };
  }>(null, READ);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

let parentId: string;

beforeAll(async () => {
  publishGraphChangesOf(h.conn, h.redis, h.prefix);
  parentId = await createCategory({ name: 'Chính quyền số' });
  const childId = await createCategory({ name: 'Dịch vụ công', parentId });
  await createPublished(h, { categoryId: childId });
});

describe('categories kept with the list pages', () => {
  it('reads no category from the database on a repeat, and shows a new one at once', async () => {
    const first = await read();
    expect(first.categories).toEqual([
      { name: 'Chính quyền số', children: [{ name: 'Dịch vụ công' }] },
    ]);
    expect(first.articles.nodes.map((n) => n.category?.name)).toEqual(['Dịch vụ công']);
    await read(); // the kept lists' documents, read by id and kept
    h.resetCommands();
    expect(await read()).toEqual(first);
    expect(h.commands.filter((c) => c === 'find categories')).toEqual([]);

    await createCategory({ name: 'Dữ liệu mở', parentId });
    expect((await read()).categories).toEqual([
      { name: 'Chính quyền số', children: [{ name: 'Dịch vụ công' }, { name: 'Dữ liệu mở' }] },
    ]);
  });
});
