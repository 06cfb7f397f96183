import { badInput } from '@portal/errors';

/**
 * The `id` of an entity representation. Codegen types representations by the mapped
 * model (whose key is `_id`), so the key field is read here, checked at run time.
 */
export function referenceId(ref: object): string {
  const id = (ref as { id?: unknown }).id;
  if (typeof id !== 'string') throw badInput('representations', 'id must be a string');
  return id;
}
