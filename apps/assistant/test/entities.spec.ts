// `Dataset` is a federated entity: the subgraph resolves references through `_entities` over
// real HTTP, on FerretDB, with the catalog synced from the open-data portal simulator.
import { beforeAll, describe, expect, it } from 'vitest';
import { testViewer, useTestDatabase } from '@portal/testing';
import { useAssistant, useCatalog, useOpenDataPortal } from './support/harness';

const db = useTestDatabase('asst_entities');
const portal = useOpenDataPortal();
const catalog = useCatalog('asst_entities', portal, db);
const assistant = useAssistant('asst_entities', {}, db);

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Dataset { id name title publisher { name } formats resources { id format preview { status } } }
} }`;

const IDS = ['ds-wifi-cong-cong', 'ds-don-vi-hanh-chinh', 'ds-dich-vu-cong'];
const refs = (ids: string[]) => ids.map((id) => ({ __typename: 'Dataset', id }));

beforeAll(async () => {
  await portal.control('POST', '/reset');
  await catalog.sync.run();
  await catalog.previewAll();
});

describe('Dataset entity', () => {
  it('resolves N datasets and their resources with one query each, in order', async () => {
    const finds = (collection: string) =>
      assistant.commands.filter((c) => c === `find ${collection}`).length;
    assistant.commands.length = 0;
    const res = await assistant.call(null, ENTITIES, { r: refs([...IDS].reverse()) });
    expect(res.errors).toBeUndefined();
    const nodes = res.data!._entities as any[];
    expect(nodes.map((n) => n.id)).toEqual([...IDS].reverse());
    expect(nodes[2]).toMatchObject({
      name: 'diem-wifi-cong-cong',
      title: 'Điểm Wi-Fi công cộng miễn phí',
      publisher: { name: 'so-thong-tin-va-truyen-thong' },
      formats: ['CSV'],
    });
    expect(nodes[2].resources).toEqual([
      { id: 'res-wifi-csv', format: 'CSV', preview: { status: 'READY' } },
    ]);
    expect(nodes[0].resources.map((r: { id: string }) => r.id)).toEqual([
      'res-dvc-csv',
      'res-dvc-xlsx',
      'res-dvc-log',
    ]);
    expect(finds(catalog.models.Dataset.collection.collectionName)).toBe(1);
    expect(finds(catalog.models.Resource.collection.collectionName)).toBe(1);
  });

  it('answers null for unknown ids and for datasets the portal removed', async () => {
    await portal.control('DELETE', '/datasets/don-vi-hanh-chinh');
    expect((await catalog.sync.run()).removed).toBe(1);
    const res = await assistant.call(testViewer('citizen'), ENTITIES, {
      r: refs(['ds-wifi-cong-cong', 'ds-khong-co', 'ds-don-vi-hanh-chinh']),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities.map((n: { id: string } | null) => n?.id ?? null)).toEqual([
      'ds-wifi-cong-cong',
      null,
      null,
    ]);
    await portal.control('POST', '/reset');
  });
});
