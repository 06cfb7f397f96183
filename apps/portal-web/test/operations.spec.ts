// Every operation the portal sends is a named operation of the graph contract
// (contract/operations.graphql, where the portal's own operations follow the shared ones),
// valid against the supergraph composed from the subgraphs' schema files, and its generated
// typed document is exactly the contract's text.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { Kind, parse, print, validate, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { workspaceRoot } from '@portal/local-services';
import { composeSupergraph } from '@portal/supergraph';
import * as generated from '../app/__generated__/graphql';

const root = workspaceRoot();
const appDir = join(root, 'apps/portal-web/app');
const contract = new Map(
  parse(readFileSync(join(root, 'contract/operations.graphql'), 'utf8'))
    .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((d) => [d.name!.value, d]),
);

/** The app's source files (generated code aside). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__generated__' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every `<Name>Document` the app's code uses, with the file that uses it. */
const used = new Map<string, string>();
for (const file of sources(appDir))
  for (const [, name] of readFileSync(file, 'utf8').matchAll(/\b([A-Z]\w*)Document\b/g))
    if (!used.has(name!)) used.set(name!, relative(appDir, file));

describe('the portal operations', () => {
  const composition = composeSupergraph(root);
  if (!composition.ok) throw new Error(composition.errors.join('\n'));
  const schema = Supergraph.build(composition.supergraphSdl).apiSchema().toGraphQLJSSchema();

  it('are found in the app (the scan sees its pages)', () => {
    expect(used.size).toBeGreaterThan(40);
    expect(used.get('HomePage')).toBe('routes/home.tsx');
  });

  it.each([...used].map(([name, file]) => [name, file]))(
    '%s (used in %s) is a contract operation, valid against the composed supergraph',
    (name) => {
      const definition = contract.get(name);
      expect(definition, `${name} is not in contract/operations.graphql`).toBeDefined();
      const errors = validate(schema, { kind: Kind.DOCUMENT, definitions: [definition!] });
      expect(errors.map((e) => e.message)).toEqual([]);
    },
  );

  it('has generated typed documents that match the contract (run `npx nx codegen portal-web`)', () => {
    for (const name of used.keys()) {
      const doc = (generated as Record<string, unknown>)[`${name}Document`] as
        { definitions: OperationDefinitionNode[] } | undefined;
      expect(doc, `${name}Document`).toBeDefined();
      const op = doc!.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!;
      expect(print(op)).toBe(print(contract.get(name)!));
    }
  });
});
