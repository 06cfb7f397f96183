const COMBINING_MARKS = /\p{M}+/gu;

/**
 * Lower-cases and strips Vietnamese (and other) diacritics: "Chuyển đổi số" → "chuyen doi so".
 * đ/Đ, which Unicode does not decompose, fold to d.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}

/** Folded words: letters and digits only, in order, duplicates kept. */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const MAX_SLUG = 80;

/** An ASCII slug from a Vietnamese title: "Cẩm nang Chuyển đổi số 2025" → "cam-nang-chuyen-doi-so-2025". */
export function slugify(text: string, maxLength = MAX_SLUG): string {
  let slug = '';
  for (const word of words(text)) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  return slug || 'untitled';
}

/** The slug with a numeric suffix, for when the plain one is taken: "x" → "x-2". */
export function slugWithSuffix(slug: string, n: number): string {
  return n <= 1 ? slug : `${slug}-${n}`;
}
