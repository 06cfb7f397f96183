import { entityKey } from './entity';

/**
 * What `__resolveReference` answers for an entity loaded by its key: the entity `loader` (a
 * per-request by-id loader) finds for the representation's key, or null when the key is
 * missing, nothing is stored under it, or `visible` refuses it (what this viewer may not see).
 */
export async function loadEntity<T>(
  ref: object,
  loader: { load(key: string): Promise<T | null> },
  visible: (entity: T) => boolean | Promise<boolean> = () => true,
): Promise<T | null> {
  const key = entityKey(ref);
  const entity = key ? await loader.load(key) : null;
  return entity && (await visible(entity)) ? entity : null;
}
