import {
  Kind,
  parse,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
} from 'graphql';

/**
 * Which subgraphs can resolve each field of the supergraph, read from its join
 * directives: `Type.field` → subgraph names (e.g. `Query.articles` → content).
 */
export interface FieldOwners {
  /** Subgraph names that resolve `Type.field`; empty when the supergraph says nothing. */
  ownersOf(typeName: string, fieldName: string): readonly string[];
  /** Every subgraph named in the supergraph. */
  subgraphs: readonly string[];
}

function argValue(directive: ConstDirectiveNode, name: string): string | boolean | undefined {
  const arg = directive.arguments?.find((a) => a.name.value === name);
  if (!arg) return undefined;
  const { value } = arg;
  if (value.kind === Kind.STRING || value.kind === Kind.ENUM) return value.value;
  if (value.kind === Kind.BOOLEAN) return value.value;
  return undefined;
}

/** Reads field ownership from a supergraph SDL (as `composeSupergraph` writes it). */
export function fieldOwnersFromSupergraph(supergraphSdl: string | DocumentNode): FieldOwners {
  const doc = typeof supergraphSdl === 'string' ? parse(supergraphSdl) : supergraphSdl;
  // join__Graph enum values carry the subgraph's name: CONTENT @join__graph(name: "content").
  const graphNames = new Map<string, string>();
  for (const def of doc.definitions) {
    if (def.kind !== Kind.ENUM_TYPE_DEFINITION || def.name.value !== 'join__Graph') continue;
    for (const value of def.values ?? []) {
      const directive = value.directives?.find((d) => d.name.value === 'join__graph');
      const name = directive && argValue(directive, 'name');
      if (typeof name === 'string') graphNames.set(value.name.value, name);
    }
  }
  const graphOf = (directive: ConstDirectiveNode): string | undefined => {
    const graph = argValue(directive, 'graph');
    return typeof graph === 'string' ? graphNames.get(graph) : undefined;
  };

  const owners = new Map<string, readonly string[]>();
  const typeOwners = new Map<string, string[]>();
  const collect = (
    typeName: string,
    directives: readonly ConstDirectiveNode[] | undefined,
    fields: readonly FieldDefinitionNode[] | undefined,
  ) => {
    const ofType = (directives ?? [])
      .filter((d) => d.name.value === 'join__type')
      .map(graphOf)
      .filter((g): g is string => g !== undefined);
    typeOwners.set(typeName, [...(typeOwners.get(typeName) ?? []), ...ofType]);
    for (const field of fields ?? []) {
      const joins = (field.directives ?? []).filter((d) => d.name.value === 'join__field');
      // A field named by @join__field is resolved only by the graphs listed there, minus
      // those that merely reference it (external) or lost it to @override.
      const resolving = joins
        .filter((d) => argValue(d, 'external') !== true && argValue(d, 'usedOverridden') !== true)
        .map(graphOf)
        .filter((g): g is string => g !== undefined);
      const listed = joins.some((d) => argValue(d, 'graph') !== undefined);
      owners.set(`${typeName}.${field.name.value}`, listed ? unique(resolving) : unique(ofType));
    }
  };
  for (const def of doc.definitions) {
    if (
      def.kind === Kind.OBJECT_TYPE_DEFINITION ||
      def.kind === Kind.OBJECT_TYPE_EXTENSION ||
      def.kind === Kind.INTERFACE_TYPE_DEFINITION ||
      def.kind === Kind.INTERFACE_TYPE_EXTENSION
    ) {
      collect(def.name.value, def.directives, def.fields);
    }
  }
  return {
    ownersOf: (typeName, fieldName) =>
      owners.get(`${typeName}.${fieldName}`) ?? unique(typeOwners.get(typeName) ?? []),
    subgraphs: [...graphNames.values()],
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
