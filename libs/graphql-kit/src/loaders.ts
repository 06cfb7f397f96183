import DataLoader from 'dataloader';

/**
 * A per-request loader that fetches many records by id with ONE query (`$in`) and
 * returns them in the order asked, null where missing or not visible. Use it for
 * `__resolveReference` and every "load X by id" in resolvers.
 */
export function createByIdLoader<T>(
  fetchMany: (ids: readonly string[]) => Promise<T[]>,
  idOf: (row: T) => string,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(
    async (ids) => {
      const rows = await fetchMany(ids);
      const byId = new Map(rows.map((row) => [idOf(row), row]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    { maxBatchSize: 500 },
  );
}

/** Groups rows by a key for one-to-many batching (e.g. votes by thread id). */
export function createGroupLoader<T>(
  fetchMany: (keys: readonly string[]) => Promise<T[]>,
  keyOf: (row: T) => string,
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(
    async (keys) => {
      const rows = await fetchMany(keys);
      const groups = new Map<string, T[]>();
      for (const row of rows) {
        const key = keyOf(row);
        const list = groups.get(key);
        if (list) list.push(row);
        else groups.set(key, [row]);
      }
      return keys.map((k) => groups.get(k) ?? []);
    },
    { maxBatchSize: 500 },
  );
}
