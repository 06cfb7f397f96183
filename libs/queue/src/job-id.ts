/**
 * A deterministic job id from its parts ("publish", articleId, epoch) so enqueueing
 * the same thing twice is a no-op. BullMQ refuses ':' in custom ids, so parts are
 * joined with '.' and must not contain ':'.
 */
export function jobId(...parts: (string | number)[]): string {
  const id = parts.map(String).join('.');
  if (!id || id.includes(':') || /^\d+$/.test(id)) throw new Error(`invalid job id "${id}"`);
  return id;
}
