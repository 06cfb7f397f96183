import { slugify } from './fold';

/**
 * Texts that fold to the same key are one (e.g. tags "Chuyển đổi số" and "chuyen-doi-so"):
 * keeps the first spelling of each, in order. The key is the slug unless `keyOf` says otherwise.
 */
export function distinctFolded(
  list: readonly string[],
  keyOf: (text: string) => string = (text) => slugify(text),
): string[] {
  const seen = new Set<string>();
  return list.filter((text) => {
    const key = keyOf(text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
