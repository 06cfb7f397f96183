import type { MessageKey } from './i18n';

/**
 * A select filter of a list page, declared once: its loader reads the chosen value from the
 * query string (`listQuery(request).filters`), its form shows it as a labelled select
 * (`FilterFields`).
 */
export interface ListFilter<T extends string | number = string | number> {
  /** The query parameter (`?pham-vi=`). */
  param: string;
  /** The select's id. */
  id: string;
  label: MessageKey;
  /**
   * The values offered, in order; another value in the query is ignored. Without them the
   * filter takes any text up to `maxLength`, and its page gives the options (from its data).
   */
  choices?: readonly T[] | (() => readonly T[]);
  /** How long a value given without `choices` may be. */
  maxLength?: number;
  /** A value's label, where it is not the value itself. */
  choiceLabel?(value: T): MessageKey;
  /** The label of a first option that leaves the filter unset (all of them). */
  empty?: MessageKey;
}

/** A list page's filters by the name its loader gives their values. */
export type ListFilters = Record<string, ListFilter>;

/** The values chosen for `filters`, each left out when nobody chose one. */
export type ChosenFilters<F extends ListFilters> = {
  [K in keyof F]?: F[K] extends ListFilter<infer T> ? T : never;
};

/** Declares one filter, its values' type taken from its choices. */
export function listFilter<T extends string | number = string>(
  filter: ListFilter<T>,
): ListFilter<T> {
  return filter;
}

/** The values a filter offers. */
export function filterChoices<T extends string | number>(filter: ListFilter<T>): readonly T[] {
  return typeof filter.choices === 'function' ? filter.choices() : (filter.choices ?? []);
}

/** The query string of a list page, read the same way by every list: cursor, search, filters. */
export function listQuery(request: Request) {
  const params = new URL(request.url).searchParams;
  const chosen = <T extends string | number>(filter: ListFilter<T>): T | undefined => {
    const given = params.get(filter.param);
    if (filter.choices) return filterChoices(filter).find((v) => String(v) === given);
    return (given?.slice(0, filter.maxLength) || undefined) as T | undefined;
  };
  return {
    params,
    /** The cursor of the page after (`?sau=`). */
    after: params.get('sau') || undefined,
    /** The search text (`?q=`), trimmed and capped. */
    q: params.get('q')?.trim().slice(0, 200) || undefined,
    /** The value chosen for each of `filters`. */
    filters<F extends ListFilters>(filters: F): ChosenFilters<F> {
      return Object.fromEntries(
        Object.entries(filters).map(([key, filter]) => [key, chosen(filter)]),
      ) as ChosenFilters<F>;
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
