import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';

/** Reads a subgraph's `schema.graphql`: the contract that composition, codegen and the server share. */
export function loadSchemaFile(path: string): DocumentNode {
  return parse(readFileSync(path, 'utf8'));
}
