/**
 * Per-subject counts of a period packed into one string (`<id>:<n>;<id>:<n>`). A period
 * can hold ten thousand subjects; as one string it costs a single field to store and read,
 * where ten thousand fields make FerretDB (and any document store) slow to decode.
 */
export function packCounts(counts: ReadonlyMap<string, number>): string {
  const parts: string[] = [];
  for (const [id, n] of counts) if (n > 0) parts.push(`${id}:${n}`);
  return parts.join(';');
}

/** Adds packed counts (times `sign`) into `into` (a new map when not given) and returns it. */
export function unpackCounts(
  packed: string | null | undefined,
  into: Map<string, number> = new Map(),
  sign: 1 | -1 = 1,
): Map<string, number> {
  if (!packed) return into;
  for (const part of packed.split(';')) {
    const colon = part.indexOf(':');
    if (colon <= 0) continue;
    const id = part.slice(0, colon);
    const n = Number(part.slice(colon + 1));
    if (Number.isFinite(n) && n > 0) into.set(id, (into.get(id) ?? 0) + sign * n);
  }
  return into;
}

/** Packed counts plus a delta, packed again. */
export function mergePackedCounts(
  existing: string | null | undefined,
  delta: ReadonlyMap<string, number>,
): string {
  const merged = unpackCounts(existing);
  for (const [id, n] of delta) merged.set(id, (merged.get(id) ?? 0) + n);
  return packCounts(merged);
}
