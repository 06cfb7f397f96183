import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DocumentNode } from 'graphql';

/** Reads a subgraph's `schema.graphql`: the contract that composition, codegen and the server share. */
export function loadSchemaFile(path: string): DocumentNode {
  return parse(readFileSync(path, 'utf8'));
}

/**
 * The `schema.graphql` of the app whose code runs in `dir` (pass `import.meta.dirname`):
 * one level up from `src/` in the workspace, or beside the bundle in a build
 * (`dist/apps/<app>/`, where the build copies it).
 */
export function appSchemaPath(dir: string): string {
  const candidates = [join(dir, 'schema.graphql'), join(dir, '..', 'schema.graphql')];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`schema.graphql not found (looked in ${candidates.join(', ')})`);
  return found;
}
