import type { FieldChangeValue } from '../models/revision.model';

/** Fields a revision reports, in the order people read them. */
const TRACKED = [
  'title',
  'slug',
  'summary',
  'body',
  'kind',
  'scope',
  'categoryId',
  'tags',
  'sourceUnit',
  'coverImageUrl',
  'status',
  'publishedAt',
  'scheduledAt',
] as const;

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.length ? value.map(String).join(', ') : null;
  return String(value);
}

/** What a patch changes compared with the current article, field by field. */
export function diffFields(
  current: Record<string, unknown>,
  patch: Record<string, unknown>,
): FieldChangeValue[] {
  const changes: FieldChangeValue[] = [];
  for (const field of TRACKED) {
    if (!(field in patch)) continue;
    const from = asText(current[field]);
    const to = asText(patch[field]);
    if (from !== to) changes.push({ field, from, to });
  }
  return changes;
}
