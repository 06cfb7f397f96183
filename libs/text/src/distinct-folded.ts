import { distinctBy } from './distinct-by';
import { slugify } from './fold';

/**
 * Texts that fold to the same key are one (e.g. tags "Chuyển đổi số" and "chuyen-doi-so"):
 * keeps the first spelling of each, in order. The key is the slug unless `keyOf` says otherwise.
 */
export function distinctFolded(
  list: readonly string[],
  keyOf: (text: string) => string = (text) => slugify(text),
): string[] {
  return distinctBy(list, keyOf);
}
