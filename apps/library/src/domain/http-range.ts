import parseRange from 'range-parser';

/** What to send for a GET of a stored file. */
export type RangeDecision =
  { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

export interface RangeRequest {
  size: number;
  range: string | undefined;
  ifRange: string | undefined;
  etag: string;
  lastModified: Date;
}

/**
 * RFC 9110 byte ranges: one satisfiable range → 206 with that slice; a range past the end
 * → 416; anything malformed, of another unit, or an `If-Range` that no longer matches →
 * the whole file. Several ranges are merged when they touch; if they still are several,
 * the whole file is sent (allowed by the RFC, and simpler for clients than multipart).
 */
export function decideRange(req: RangeRequest): RangeDecision {
  if (!req.range) return { kind: 'full' };
  if (req.ifRange !== undefined && !ifRangeMatches(req.ifRange, req.etag, req.lastModified))
    return { kind: 'full' };
  const parsed = parseRange(req.size, req.range, { combine: true });
  if (parsed === -1) return { kind: 'unsatisfiable' };
  if (parsed === -2 || parsed.type !== 'bytes' || parsed.length !== 1) return { kind: 'full' };
  const [only] = parsed;
  return { kind: 'partial', start: only!.start, end: only!.end };
}

function ifRangeMatches(value: string, etag: string, lastModified: Date): boolean {
  const v = value.trim();
  // If-Range needs a strong validator: a weak ETag never matches.
  if (v.startsWith('"') || v.startsWith('W/')) return v === etag;
  const date = Date.parse(v);
  return !Number.isNaN(date) && Math.floor(lastModified.getTime() / 1000) * 1000 <= date;
}

/** `If-None-Match` (weak comparison, `*` matches anything) against the file's ETag. */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

/** The strong ETag of content with this SHA-256. */
export function etagFor(sha256: string): string {
  return `"${sha256}"`;
}
