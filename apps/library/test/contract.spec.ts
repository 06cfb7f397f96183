import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadSchemaFile } from '@portal/graphql-kit';
import { composeSupergraph } from '@portal/supergraph';
import { contractOperation } from '@portal/local-services';
import { contractPart } from './contract';

const SCHEMA = join(import.meta.dirname, '..', 'schema.graphql');
const LIBRARY_OPERATIONS = [
  'LibraryBrowse',
  'LibraryItemPage',
  'CreateLibraryItem',
  'PublishLibraryItem',
  'Showcase',
  'ShowcaseEntry',
  'RecordShowcaseTryIt',
  'RecordLibraryItemView',
  'CreateShowcaseEntry',
  'UpdateShowcaseEntry',
  'ArchiveShowcaseEntry',
];

describe('the library schema against the contract', () => {
  const schema = buildSubgraphSchema([{ typeDefs: loadSchemaFile(SCHEMA) }]);

  it('validates every library operation of the contract exactly as written', () => {
    for (const name of LIBRARY_OPERATIONS)
      expect(
        validate(schema, parse(contractOperation(name))).map((e) => e.message),
        name,
      ).toEqual([]);
    expect(
      validate(schema, parse(contractPart('HomePage', ['libraryItems']))).map((e) => e.message),
    ).toEqual([]);
  });

  it('composes into a supergraph', () => {
    const root = mkdtempSync(join(tmpdir(), 'library-compose-'));
    mkdirSync(join(root, 'apps', 'library'), { recursive: true });
    copyFileSync(SCHEMA, join(root, 'apps', 'library', 'schema.graphql'));
    const result = composeSupergraph(root);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});
