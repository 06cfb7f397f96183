import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { DEFAULT_PORTS, SUBGRAPHS, type SubgraphName } from '@portal/config';
import { loadSchemaFile } from '@portal/graphql-kit/schema-file';

export interface SubgraphSource {
  name: SubgraphName;
  url: string;
  schemaPath: string;
}

export type CompositionResult =
  | { ok: true; supergraphSdl: string; subgraphs: SubgraphSource[] }
  | { ok: false; errors: string[]; subgraphs: SubgraphSource[] };

/** The subgraphs present in the workspace (those whose `apps/<name>/schema.graphql` exists). */
export function findSubgraphs(root: string): SubgraphSource[] {
  return SUBGRAPHS.map((name) => ({
    name,
    url: `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`,
    schemaPath: join(root, 'apps', name, 'schema.graphql'),
  })).filter((s) => existsSync(s.schemaPath));
}

/**
 * Composes the supergraph from the subgraphs' schema files (each with the shared parts it
 * includes, as `loadSchemaFile` reads it) at build time (no
 * introspection at run time). The URLs are local defaults; the gateway overrides
 * them from its configuration.
 */
export function composeSupergraph(root: string): CompositionResult {
  const subgraphs = findSubgraphs(root);
  if (subgraphs.length === 0)
    return {
      ok: false,
      errors: ['no subgraph schema found under apps/*/schema.graphql'],
      subgraphs,
    };
  const errors: string[] = [];
  const definitions = subgraphs.flatMap((s) => {
    try {
      return [{ name: s.name, url: s.url, typeDefs: loadSchemaFile(s.schemaPath) }];
    } catch (err) {
      errors.push(`${s.name}: ${(err as Error).message}`);
      return [];
    }
  });
  if (errors.length) return { ok: false, errors, subgraphs };
  const result = composeServices(definitions);
  if (result.errors?.length || !result.supergraphSdl) {
    return {
      ok: false,
      errors: (result.errors ?? []).map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`),
      subgraphs,
    };
  }
  return { ok: true, supergraphSdl: result.supergraphSdl, subgraphs };
}
