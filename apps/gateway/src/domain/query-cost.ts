import {
  GraphQLError,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Arguments that choose how many items a list field returns. */
const SLICING_ARGUMENTS = ['first', 'last'] as const;

export interface QueryCostOptions {
  /** The page a list field returns when neither the query nor the schema says (libs/db's default). */
  defaultPage: number;
  /** The largest page any list field serves (libs/db caps every page there). */
  maxPage: number;
}

/**
 * The cost of an operation as the subgraphs will pay it: every object field costs 2 and
 * every scalar 1, and a field that takes `first`/`last` multiplies its own cost and its
 * selection's by the page it will really return: the literal, else the variable's value
 * (or the operation's default for it), else the schema's default, else the default page;
 * always capped at the largest page a field serves. Fragments are flattened and each
 * fragment is costed once. Introspection fields are costed like any other.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | undefined,
  options: QueryCostOptions,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const operationDefaults = new Map<string, unknown>();
  for (const def of operation.variableDefinitions ?? [])
    if (def.defaultValue)
      operationDefaults.set(def.variable.name.value, valueFromASTUntyped(def.defaultValue));
  const fragmentCosts = new Map<string, number>();

  const page = (field: GraphQLField<unknown, unknown>, node: FieldNode): number => {
    let size: number | null = null;
    for (const name of SLICING_ARGUMENTS) {
      const definition = field.args.find((a) => a.name === name);
      if (!definition) continue;
      const given = node.arguments?.find((a) => a.name.value === name)?.value;
      let value: unknown;
      if (given?.kind === Kind.VARIABLE) {
        const variable = given.name.value;
        value =
          variables && variables[variable] !== undefined
            ? variables[variable]
            : operationDefaults.get(variable);
      } else if (given) {
        value = valueFromASTUntyped(given);
      }
      if (value === undefined || value === null) value = definition.defaultValue;
      const n =
        typeof value === 'number' && Number.isFinite(value)
          ? Math.trunc(value)
          : options.defaultPage;
      size = Math.max(size ?? 1, Math.min(Math.max(n, 1), options.maxPage));
    }
    return size ?? 1;
  };

  const selectionCost = (type: GraphQLCompositeType, set: SelectionSetNode): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(type, selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : type;
        total += selectionCost(
          isCompositeType(condition) ? condition : type,
          selection.selectionSet,
        );
      } else {
        const name = selection.name.value;
        let cost = fragmentCosts.get(name);
        if (cost === undefined) {
          const fragment = fragments.get(name);
          // A cycle is refused by validation first; counting it as nothing here is safe.
          fragmentCosts.set(name, 0);
          const condition = fragment && schema.getType(fragment.typeCondition.name.value);
          cost =
            fragment && isCompositeType(condition)
              ? selectionCost(condition, fragment.selectionSet)
              : 0;
          fragmentCosts.set(name, cost);
        }
        total += cost;
      }
    }
    return total;
  };

  const fieldCost = (parent: GraphQLCompositeType, node: FieldNode): number => {
    const field = fieldDefinition(schema, parent, node.name.value);
    if (!node.selectionSet) return 1;
    if (!field) return 2;
    const type = getNamedType(field.type);
    const own = isCompositeType(type) ? 2 + selectionCost(type, node.selectionSet) : 2;
    return own * page(field, node);
  };

  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  return root ? selectionCost(root, operation.selectionSet) : 0;
}

function fieldDefinition(
  schema: GraphQLSchema,
  parent: GraphQLCompositeType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (name === '__typename') return TypeNameMetaFieldDef;
  if (parent === schema.getQueryType()) {
    if (name === '__schema') return SchemaMetaFieldDef;
    if (name === '__type') return TypeMetaFieldDef;
  }
  if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name];
  return undefined;
}

/** The error a request over the cost limit gets (a refused request: HTTP 400, nothing ran). */
export function costLimitError(maxCost: number, cost: number): GraphQLError {
  return new GraphQLError(`Query Cost limit of ${maxCost} exceeded, found ${cost}.`, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
  });
}
