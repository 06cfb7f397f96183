import {
  Kind,
  TypeInfo,
  getOperationAST,
  visit,
  visitWithTypeInfo,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { FieldOwners } from './field-owners';

/** A field the caller's API key may not use, and the scopes any one of which would allow it. */
export interface ScopeViolation {
  coordinate: string;
  needs: string[];
}

/**
 * What a partner's API key may run. Every field of the operation is resolved by one or
 * more subgraphs; the key needs `<subgraph>:read` for one of them, or `<subgraph>:write`
 * for a mutation's root field. So a `content:read` key can read articles (and nothing the
 * forum resolves), and can run no mutation at all, since no `content:write` scope exists.
 * Subscriptions are never open to keys. Introspection fields (`__schema`, `__typename`) are
 * governed by the introspection setting, not by scopes.
 */
export function scopeViolations(input: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  owners: FieldOwners;
  scopes: readonly string[];
}): ScopeViolation[] {
  const operation = getOperationAST(input.document, input.operationName ?? undefined);
  if (!operation) return [];
  if (operation.operation === 'subscription') return [{ coordinate: 'Subscription', needs: [] }];

  const mutationType = input.schema.getMutationType();
  const violations = new Map<string, ScopeViolation>();
  const typeInfo = new TypeInfo(input.schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      const name = node.name.value;
      const parent = typeInfo.getParentType();
      // Introspection (__schema, __type, and the fields of __Schema, __Type...) is not data.
      if (!parent || name.startsWith('__') || parent.name.startsWith('__')) return;
      const mode = mutationType && parent.name === mutationType.name ? 'write' : 'read';
      const needs = input.owners.ownersOf(parent.name, name).map((g) => `${g}:${mode}`);
      if (!needs.some((scope) => input.scopes.includes(scope))) {
        const coordinate = `${parent.name}.${name}`;
        violations.set(coordinate, { coordinate, needs });
      }
    },
  });
  for (const definition of [operation, ...fragmentsUsedBy(operation.selectionSet, input.document)])
    visit(definition, visitor);
  return [...violations.values()];
}

/** The fragment definitions an operation uses, directly or through other fragments. */
function fragmentsUsedBy(
  selectionSet: SelectionSetNode,
  document: DocumentNode,
): FragmentDefinitionNode[] {
  const byName = new Map(
    document.definitions
      .filter(
        (d: DefinitionNode): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
      )
      .map((d) => [d.name.value, d]),
  );
  const used = new Map<string, FragmentDefinitionNode>();
  const pending = [selectionSet];
  while (pending.length) {
    visit(pending.pop()!, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = byName.get(name);
        if (fragment && !used.has(name)) {
          used.set(name, fragment);
          pending.push(fragment.selectionSet);
        }
      },
    });
  }
  return [...used.values()];
}

/** A one-line explanation for the client. */
export function describeViolations(violations: ScopeViolation[]): string {
  const parts = violations.map((v) =>
    v.needs.length ? `${v.coordinate} (needs ${v.needs.join(' or ')})` : v.coordinate,
  );
  return `This API key's scopes do not allow ${parts.join(', ')}`;
}

/** The scope a partner needs for an HTTP route a subgraph serves: reads for GET/HEAD, writes otherwise. */
export function routeScope(subgraph: string, method: string): string {
  return `${subgraph}:${method === 'GET' || method === 'HEAD' ? 'read' : 'write'}`;
}
