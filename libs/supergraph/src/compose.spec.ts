import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from './compose';

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';

function workspace(schemas: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'compose-'));
  for (const [name, sdl] of Object.entries(schemas)) {
    mkdirSync(join(root, 'apps', name), { recursive: true });
    writeFileSync(join(root, 'apps', name, 'schema.graphql'), sdl);
  }
  return root;
}

describe('composeSupergraph', () => {
  it('composes the subgraphs present, with an entity shared across them', () => {
    const root = workspace({
      forum: `${LINK}\ntype Query { thread(id: ID!): Thread }\ntype Thread @key(fields: "id") { id: ID! title: String! }`,
      referral: `${LINK}\ntype Query { referral(code: String!): Referral }\ntype Referral { code: String! thread: Thread }\ntype Thread @key(fields: "id") { id: ID! referral: Referral }`,
      notes: `${LINK}\ntype Query { ignored: String }`,
    });
    const result = composeSupergraph(root);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.subgraphs.map((s) => s.name)).toEqual(['forum', 'referral']);
    expect(result.supergraphSdl).toContain('join__graph(name: "forum"');
    expect(result.supergraphSdl).toContain('referral: Referral');
  });

  it('composes each subgraph with the shared schema parts it includes', () => {
    const root = workspace({
      forum: `${LINK}\n#include page-info\ntype Query { threads: ThreadPage }\ntype ThreadPage { pageInfo: PageInfo! }`,
      library: `${LINK}\n#include page-info\ntype Query { items: ItemPage }\ntype ItemPage { pageInfo: PageInfo! }`,
    });
    const result = composeSupergraph(root);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.supergraphSdl).toMatch(
      /type PageInfo\s+@join__type\(graph: FORUM\)\s+@join__type\(graph: LIBRARY\)/,
    );
  });

  it('fails naming the subgraph whose schema includes an unknown part', () => {
    const root = workspace({ forum: `${LINK}\n#include page-inf\ntype Query { a: Int }` });
    const result = composeSupergraph(root);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.stringMatching(/^forum: .*schema\.graphql: unknown schema part "page-inf"/),
    ]);
  });

  it('fails with the composition errors when subgraphs disagree', () => {
    const root = workspace({
      content: `${LINK}\ntype Query { a: Stat }\ntype Stat @shareable { views: Int! }`,
      library: `${LINK}\ntype Query { b: Stat }\ntype Stat @shareable { views: String! }`,
    });
    const result = composeSupergraph(root);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.join('\n')).toMatch(/FIELD_TYPE_MISMATCH.*Stat\.views/);
  });

  it('fails clearly when there is no subgraph', () => {
    const result = composeSupergraph(workspace({}));
    expect(result).toMatchObject({
      ok: false,
      errors: ['no subgraph schema found under apps/*/schema.graphql'],
    });
  });
});
