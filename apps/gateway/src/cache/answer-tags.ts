import {
  getNamedType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/**
 * Tags of a cached answer, which graph changes purge (see graph-change.ts in @portal/queue):
 * - `e:<id>`: the answer holds the object with this id (any `id` value in the data);
 * - `t:<Type>`: the operation reads objects of this type, so adding, removing or reordering
 *   them (a publish, an archive, a vote) may change the answer, lists and lookups alike;
 * - `u:<Type>`: the operation reads this type without its `id`, so a change to any object of
 *   the type may change the answer.
 * - `*`: every answer has it, for the purge that must drop them all (changes were missed).
 */
export type AnswerTag = `e:${string}` | `t:${string}` | `u:${string}` | '*';

export const ALL_ANSWERS: AnswerTag = '*';

const typeTagsByDocument = new WeakMap<DocumentNode, readonly AnswerTag[]>();

/** The `t:` and `u:` tags of an operation: the object types it selects, with or without ids. */
export function operationTypeTags(
  schema: GraphQLSchema,
  document: DocumentNode,
): readonly AnswerTag[] {
  const cached = typeTagsByDocument.get(document);
  if (cached) return cached;
  const tags = new Set<AnswerTag>();
  const typeInfo = new TypeInfo(schema);
  const selectsId = (set: SelectionSetNode) =>
    set.selections.some((s) => s.kind === Kind.FIELD && s.name.value === 'id' && !s.alias);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      SelectionSet(node) {
        const type = getNamedType(typeInfo.getType() ?? typeInfo.getParentType());
        if (!type || !isObjectType(type)) return;
        if (type === schema.getQueryType() || type === schema.getMutationType()) return;
        tags.add(`t:${type.name}`);
        if (!selectsId(node)) tags.add(`u:${type.name}`);
      },
    }),
  );
  const result = [...tags];
  typeTagsByDocument.set(document, result);
  return result;
}

/** The `e:` tags of an answer: every `id` value in its data. */
export function entityTags(data: unknown): AnswerTag[] {
  const ids = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'id' && (typeof inner === 'string' || typeof inner === 'number'))
          ids.add(String(inner));
        else if (inner && typeof inner === 'object') walk(inner);
      }
    }
  };
  walk(data);
  return [...ids].map((id) => `e:${id}` as const);
}
