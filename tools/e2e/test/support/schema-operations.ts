// Operations generated from the composed supergraph: type-valid arguments for any field, and
// random operations for the fuzzer. Values are valid GraphQL for their types (the service
// decides whether they make sense), so what a service does with them is what is tested.
import { ApolloGateway } from '@apollo/gateway';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { workspaceRoot } from '@portal/local-services';
import { composeSupergraph } from '@portal/supergraph';

/** The API schema clients see, composed in-process from the subgraphs' schema files. */
export async function apiSchema(): Promise<GraphQLSchema> {
  const composed = composeSupergraph(workspaceRoot());
  if (!composed.ok) throw new Error(composed.errors.join('\n'));
  const gateway = new ApolloGateway({ supergraphSdl: composed.supergraphSdl });
  const { schema } = await gateway.load();
  await gateway.stop();
  return schema;
}

/** A small deterministic PRNG (mulberry32), so a failing run can be replayed by its seed. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Random = ReturnType<typeof random>;

const TEXTS = [
  'Chuyển đổi số',
  'x',
  '',
  ' ',
  'a'.repeat(300),
  'Đề xuất về dữ liệu mở của thành phố',
  '<script>alert(1)</script>',
  '{"$ne":null}',
  '../../etc/passwd',
  'e\u0301\u202e\u0000\u001b[31m',
  '😀🏙️',
  'SELECT * FROM users',
];
const IDS = [
  '000000000000000000000000',
  'ffffffffffffffffffffffff',
  'not-an-id',
  '1',
  '',
  'x'.repeat(64),
];

/** A value of `type` for an argument named `name`: plausible when `plausible`, else random. */
export function valueFor(
  type: GraphQLInputType,
  name: string,
  rnd: Random | null,
  depth = 0,
): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, name, rnd, depth);
  if (isListType(type)) {
    const n = rnd ? rnd.int(3) : 1;
    return Array.from({ length: n }, () => valueFor(type.ofType, name, rnd, depth + 1));
  }
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      if (required || (rnd && depth < 2 && rnd.chance(0.5)))
        out[field.name] = valueFor(field.type, field.name, rnd, depth + 1);
    }
    return out;
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.name);
    return rnd ? rnd.pick(values) : values[0];
  }
  if (isScalarType(type)) {
    const lower = name.toLowerCase();
    switch (type.name) {
      case 'Int':
        return rnd ? rnd.pick([0, 1, 5, 20, 100, -1, 2_147_483_647]) : 1;
      case 'Float':
        return rnd ? rnd.pick([0, 1.5, -3, 1e9]) : 1;
      case 'Boolean':
        return rnd ? rnd.chance(0.5) : false;
      case 'ID':
        return rnd ? rnd.pick(IDS) : '000000000000000000000000';
      case 'DateTime':
        return new Date(Date.now() + (rnd ? rnd.int(60) - 30 : 1) * 86_400_000).toISOString();
      default:
        if (lower.includes('email'))
          return rnd?.chance(0.3) ? rnd.pick(TEXTS) : 'nguoi.dan@example.vn';
        if (lower.includes('url'))
          return rnd?.chance(0.3) ? rnd.pick(TEXTS) : 'https://example.vn/a';
        if (lower === 'code' || lower.endsWith('code'))
          return rnd ? rnd.pick(['HL-1234-5678', ...TEXTS]) : 'HL-0000-0000';
        return rnd ? rnd.pick(TEXTS) : 'Nội dung thử nghiệm';
    }
  }
  return null;
}

/** `$a0: Type!` declarations and variables for a field's arguments (required ones, plus some optional when random). */
export function argumentsFor(
  args: readonly GraphQLArgument[],
  rnd: Random | null,
  prefix: string,
): { declarations: string[]; uses: string[]; variables: Record<string, unknown> } {
  const declarations: string[] = [];
  const uses: string[] = [];
  const variables: Record<string, unknown> = {};
  for (const arg of args) {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    if (!required && !(rnd && rnd.chance(0.4))) continue;
    const variable = `${prefix}${declarations.length}`;
    declarations.push(`$${variable}: ${String(arg.type)}`);
    uses.push(`${arg.name}: $${variable}`);
    variables[variable] = valueFor(arg.type, arg.name, rnd);
  }
  return { declarations, uses, variables };
}

/** A random selection of a field's result, a few levels deep (always at least __typename). */
function selectionFor(
  field: GraphQLField<unknown, unknown>,
  rnd: Random,
  depth: number,
  vars: { declarations: string[]; variables: Record<string, unknown>; counter: { n: number } },
): string {
  const type = getNamedType(field.type);
  if (isLeafType(type)) return '';
  if (!(isObjectType(type) || isInterfaceType(type)) || depth >= 3) return '{ __typename }';
  const fields = Object.values((type as GraphQLObjectType).getFields());
  const parts = ['__typename'];
  for (let i = 0; i < 1 + rnd.int(4); i++) {
    const child = rnd.pick(fields);
    const args = argumentsFor(child.args, rnd, `v${vars.counter.n++}_`);
    vars.declarations.push(...args.declarations);
    Object.assign(vars.variables, args.variables);
    const call = args.uses.length ? `(${args.uses.join(', ')})` : '';
    parts.push(`f${i}: ${child.name}${call} ${selectionFor(child, rnd, depth + 1, vars)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

export interface GeneratedOperation {
  kind: 'query' | 'mutation';
  field: string;
  query: string;
  variables: Record<string, unknown>;
}

/** One operation calling `field` with plausible arguments and selecting only `__typename` (or nothing). */
export function operationFor(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
): GeneratedOperation {
  const args = argumentsFor(field.args, null, 'a');
  const selection = isLeafType(getNamedType(field.type)) ? '' : '{ __typename }';
  const declarations = args.declarations.length ? `(${args.declarations.join(', ')})` : '';
  const call = args.uses.length ? `(${args.uses.join(', ')})` : '';
  return {
    kind,
    field: field.name,
    query: `${kind} Check${declarations} { ${field.name}${call} ${selection} }`,
    variables: args.variables,
  };
}

/** A random valid operation on a random root field. */
export function randomOperation(schema: GraphQLSchema, rnd: Random): GeneratedOperation {
  const kind = rnd.chance(0.7) ? 'query' : 'mutation';
  const root = kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  const field = rnd.pick(Object.values(root.getFields()));
  const vars = {
    declarations: [] as string[],
    variables: {} as Record<string, unknown>,
    counter: { n: 0 },
  };
  const args = argumentsFor(field.args, rnd, 'r');
  vars.declarations.push(...args.declarations);
  Object.assign(vars.variables, args.variables);
  const call = args.uses.length ? `(${args.uses.join(', ')})` : '';
  const selection = selectionFor(field, rnd, 1, vars);
  const declarations = vars.declarations.length ? `(${vars.declarations.join(', ')})` : '';
  return {
    kind,
    field: field.name,
    query: `${kind} Fuzz${declarations} { ${field.name}${call} ${selection} }`,
    variables: vars.variables,
  };
}
