/**
 * The `id` of an entity representation sent by the gateway. Generated reference types
 * derive from the mapped model, which names it `_id`, so it is read here once.
 */
export function representationId(ref: object): string {
  const id = (ref as { id?: unknown }).id;
  return typeof id === 'string' ? id : '';
}
