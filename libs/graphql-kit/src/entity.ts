/**
 * The key field (`id` unless named) of an entity representation the gateway sends to
 * `__resolveReference`, or null when it is missing or not a string (such a representation
 * resolves to null). Codegen types representations by the mapped model, whose key is `_id`,
 * so every subgraph reads the key here, checked at run time.
 */
export function entityKey(ref: object, field = 'id'): string | null {
  const key = (ref as Record<string, unknown>)[field];
  return typeof key === 'string' && key !== '' ? key : null;
}
