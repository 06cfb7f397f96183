// Sorts the contract's operations into valid, pending (served by a subgraph that does not
// exist yet) and broken, against a composed supergraph's API schema.
import {
  Kind,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

export interface ContractCoverage {
  valid: string[];
  pending: { operation: string; reason: string }[];
  broken: { operation: string; errors: string[] }[];
}

/**
 * Entity types that only appear as stubs (`@key(..., resolvable: false)`) in the present
 * subgraphs: their owner is absent, so their fields cannot be queried yet.
 */
export function stubOnlyEntities(supergraphSdl: string): Set<string> {
  const stubs = new Set<string>();
  for (const def of parse(supergraphSdl).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION)
      continue;
    const keys = (def.directives ?? []).filter(
      (d) => d.name.value === 'join__type' && d.arguments?.some((a) => a.name.value === 'key'),
    );
    const resolvable = keys.some(
      (d) =>
        !d.arguments?.some(
          (a) => a.name.value === 'resolvable' && a.value.kind === Kind.BOOLEAN && !a.value.value,
        ),
    );
    if (keys.length && !resolvable) stubs.add(def.name.value);
  }
  return stubs;
}

const MISSING_FIELD = /^Cannot query field "(\w+)" on type "(\w+)"/;

/**
 * An operation is pending when what it misses belongs to a subgraph that is still absent:
 * a root field nobody serves yet, a field of an entity whose owner is absent (only stubs
 * of it exist), or a field an absent subgraph contributes to another's entity
 * (`contributions`, e.g. `Thread.referral` → referral). Anything else that fails
 * validation is broken, so a renamed field of a present subgraph fails at once. With
 * every subgraph present, nothing is pending.
 */
export function contractCoverage(input: {
  contract: DocumentNode;
  schema: GraphQLSchema;
  stubOnly: Set<string>;
  /** `Type.field` → the subgraph that contributes it to another subgraph's entity. */
  contributions: Record<string, string>;
  absent: readonly string[];
}): ContractCoverage {
  const allSubgraphsPresent = input.absent.length === 0;
  const coverage: ContractCoverage = { valid: [], pending: [], broken: [] };
  const { schema } = input;
  for (const op of input.contract.definitions) {
    if (op.kind !== Kind.OPERATION_DEFINITION) continue;
    const name = op.name?.value ?? '(anonymous)';
    const errors = validate(schema, { kind: Kind.DOCUMENT, definitions: [op] });
    if (errors.length === 0) {
      coverage.valid.push(name);
      continue;
    }
    const messages = errors.map((e) => e.message);
    if (allSubgraphsPresent) {
      coverage.broken.push({ operation: name, errors: messages });
      continue;
    }
    const missingRoots = unservedRootFields(op, schema);
    if (missingRoots.length) {
      coverage.pending.push({
        operation: name,
        reason: `not served yet: ${missingRoots.join(', ')}`,
      });
      continue;
    }
    const missing = messages.map((m) => MISSING_FIELD.exec(m));
    const absentOwner = (m: RegExpExecArray | null) =>
      m !== null &&
      (input.stubOnly.has(m[2]!) ||
        input.absent.includes(input.contributions[`${m[2]}.${m[1]}`] ?? ''));
    if (missing.every(absentOwner)) {
      coverage.pending.push({
        operation: name,
        reason: `owner absent: ${missing.map((m) => `${m![2]}.${m![1]}`).join(', ')}`,
      });
      continue;
    }
    coverage.broken.push({ operation: name, errors: messages });
  }
  return coverage;
}

function unservedRootFields(op: OperationDefinitionNode, schema: GraphQLSchema): string[] {
  const root =
    op.operation === 'query'
      ? schema.getQueryType()
      : op.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  const rootName =
    op.operation === 'query' ? 'Query' : op.operation === 'mutation' ? 'Mutation' : 'Subscription';
  const fields = root?.getFields() ?? {};
  const names = op.selectionSet.selections.flatMap((s) =>
    s.kind === Kind.FIELD && !s.name.value.startsWith('__') ? [s.name.value] : [],
  );
  return [...new Set(names)].filter((f) => !(f in fields)).map((f) => `${rootName}.${f}`);
}
