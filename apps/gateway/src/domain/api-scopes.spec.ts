import { join } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { parse, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeSupergraph } from '@portal/supergraph';
import { describeViolations, routeScope, scopeViolations } from './api-scopes';
import { fieldOwnersFromSupergraph, type FieldOwners } from './field-owners';

// The gateway tests' fixture subgraphs: content, forum, library, and referral (which adds Thread.referral).
const composed = composeSupergraph(join(import.meta.dirname, '../../test/fixtures'));
if (!composed.ok) throw new Error(composed.errors.join('\n'));
const owners: FieldOwners = fieldOwnersFromSupergraph(composed.supergraphSdl);
let schema: GraphQLSchema;
beforeAll(async () => {
  const gateway = new ApolloGateway({ supergraphSdl: composed.supergraphSdl });
  schema = (await gateway.load()).schema;
  await gateway.stop();
});

const check = (scopes: string[], query: string, operationName?: string) =>
  scopeViolations({ schema, document: parse(query), operationName, owners, scopes });

describe('field owners from the supergraph', () => {
  it('names the subgraphs that resolve each field', () => {
    expect([...owners.subgraphs].sort()).toEqual(['content', 'forum', 'library', 'referral']);
    expect(owners.ownersOf('Query', 'articles')).toEqual(['content']);
    expect(owners.ownersOf('Mutation', 'updateReferralStatus')).toEqual(['referral']);
    expect(owners.ownersOf('Thread', 'title')).toEqual(['forum']);
    expect(owners.ownersOf('Thread', 'referral')).toEqual(['referral']);
    expect([...owners.ownersOf('Thread', 'id')].sort()).toEqual(['forum', 'referral']);
    expect(owners.ownersOf('Nope', 'nothing')).toEqual([]);
  });
});

describe('API key scopes', () => {
  it('lets a key read what its subgraphs resolve', () => {
    expect(check(['content:read'], '{ articles { nodes { id title } totalCount } }')).toEqual([]);
    expect(
      check(['forum:read', 'referral:read'], '{ threads { id referral { status } } }'),
    ).toEqual([]);
  });

  it('names every field outside the key scopes, once', () => {
    expect(
      check(
        ['content:read'],
        '{ articles { totalCount } threads { id title } t2: threads { id } }',
      ),
    ).toEqual([
      { coordinate: 'Query.threads', needs: ['forum:read'] },
      { coordinate: 'Thread.id', needs: expect.arrayContaining(['forum:read', 'referral:read']) },
      { coordinate: 'Thread.title', needs: ['forum:read'] },
    ]);
  });

  it('requires a write scope for root mutation fields; no content:write exists, so content is read-only to keys', () => {
    expect(check(['content:read'], 'mutation { recordArticleView(id: "a1") }')).toEqual([
      { coordinate: 'Mutation.recordArticleView', needs: ['content:write'] },
    ]);
    expect(
      check(['referral:write'], 'mutation { updateReferralStatus(id: "r", status: "DONE") }'),
    ).toEqual([]);
    expect(
      check(['referral:read'], 'mutation { updateReferralStatus(id: "r", status: "DONE") }'),
    ).toHaveLength(1);
  });

  it('checks fields inside named and inline fragments', () => {
    const query = `
      query { threads { ...T } }
      fragment T on Thread { id ... on Thread { referral { status } } }`;
    expect(check(['forum:read'], query).map((v) => v.coordinate)).toEqual([
      'Thread.referral',
      'Referral.status',
    ]);
  });

  it('checks only the operation that runs, and leaves introspection to its own setting', () => {
    const doc = 'query Mine { articles { totalCount } } query Theirs { threads { id } }';
    expect(check(['content:read'], doc, 'Mine')).toEqual([]);
    expect(check(['content:read'], doc, 'Theirs')).not.toEqual([]);
    expect(check([], '{ __typename __schema { queryType { name } } }')).toEqual([]);
  });

  it('explains a refusal in one line', () => {
    expect(
      describeViolations([
        { coordinate: 'Query.threads', needs: ['forum:read'] },
        { coordinate: 'Subscription', needs: [] },
      ]),
    ).toBe("This API key's scopes do not allow Query.threads (needs forum:read), Subscription");
  });

  it('maps forwarded HTTP routes to read or write scopes by method', () => {
    expect(routeScope('library', 'GET')).toBe('library:read');
    expect(routeScope('library', 'HEAD')).toBe('library:read');
    expect(routeScope('library', 'POST')).toBe('library:write');
    expect(routeScope('referral', 'PUT')).toBe('referral:write');
  });
});
