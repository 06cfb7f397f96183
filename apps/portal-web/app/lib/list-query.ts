/** The query string of a list page, read the same way by every list: cursor, search, filters. */
export function listQuery(request: Request) {
  const params = new URL(request.url).searchParams;
  return {
    params,
    /** The cursor of the page after (`?sau=`). */
    after: params.get('sau') || undefined,
    /** The search text (`?q=`), trimmed and capped. */
    q: params.get('q')?.trim().slice(0, 200) || undefined,
    /** The parameter `name` when it is one of `values`, else undefined. */
    oneOf<T extends string>(name: string, values: readonly T[]): T | undefined {
      return values.find((v) => v === params.get(name));
    },
  };
}

/** `values` without its undefined fields: GraphQL variables leave out a filter nobody chose. */
export function definedOnly<T extends Record<string, unknown>>(
  values: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
