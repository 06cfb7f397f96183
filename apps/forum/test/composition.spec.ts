import { composeServices } from '@apollo/composition';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadSchemaFile } from '@portal/graphql-kit';
import { SCHEMA_PATH } from '../src/server';
import { contractOperation } from '@portal/local-services';

// The referral subgraph's part of the contract's ForumThread, as a stand-in for composition.
const REFERRAL_STUB = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Thread @key(fields: "id") { id: ID! referral: Referral }
  type Referral @key(fields: "id") { id: ID! trackingCode: String! status: String! }
`;

const FORUM_OPERATIONS = [
  'ForumThreads',
  'ForumThread',
  'CreateThread',
  'ReplyToThread',
  'VoteThread',
  'FlagContent',
  'ModerationQueue',
  'ModerateContent',
  'AssignThread',
  'PostOfficialAnswer',
];

describe('the forum schema in the supergraph', () => {
  it('composes, and serves every forum operation of the contract as written', () => {
    const result = composeServices([
      {
        name: 'forum',
        url: 'http://forum/graphql',
        typeDefs: loadSchemaFile(SCHEMA_PATH),
      },
      { name: 'referral', url: 'http://referral/graphql', typeDefs: parse(REFERRAL_STUB) },
    ]);
    expect(result.errors ?? []).toEqual([]);
    const api = result.schema!.toAPISchema().toGraphQLJSSchema();
    for (const name of FORUM_OPERATIONS)
      expect(
        validate(api, parse(contractOperation(name))).map((e) => `${name}: ${e.message}`),
      ).toEqual([]);
  });
});
