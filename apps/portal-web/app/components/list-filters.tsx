import type { ReactNode } from 'react';
import {
  filterChoices,
  type ChosenFilters,
  type ListFilter,
  type ListFilters,
} from '../lib/list-query';
import { usePortal } from '../lib/portal-data';
import { useSentValue } from './ui';

/** The GET form above a list: its fields, then the one Filter button. */
export function FilterForm(props: { search?: boolean; label?: string; children: ReactNode }) {
  const { t } = usePortal();
  return (
    <form
      method="get"
      className="filters"
      role={props.search ? 'search' : undefined}
      aria-label={props.label}
    >
      {props.children}
      <button type="submit">{t('filter')}</button>
    </form>
  );
}

/** A field's box: its label, then its control. */
function LabelledControl(props: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
    </div>
  );
}

/** The labelled search box of a list (`?q=`). */
export function SearchField(props: {
  id: string;
  label: string;
  value: string | null | undefined;
  placeholder?: string;
}) {
  return (
    <LabelledControl id={props.id} label={props.label}>
      <input
        id={props.id}
        name="q"
        type="search"
        defaultValue={props.value ?? ''}
        placeholder={props.placeholder}
      />
    </LabelledControl>
  );
}

/** An option shown as its value, or with a label of its own. */
export type SelectOption = string | number | { value: string; label: ReactNode };

/**
 * A labelled select (its id `f-<name>` unless given); `empty` labels a first option with no
 * value (all, none). Inside a `FormAnswer` with the values sent, it shows the one sent.
 */
export function SelectField(props: {
  id?: string;
  name: string;
  label: string;
  options: readonly SelectOption[];
  value?: string | number | null;
  empty?: string;
}) {
  const id = props.id ?? `f-${props.name}`;
  const value = useSentValue(props.name) ?? props.value;
  return (
    <LabelledControl id={id} label={props.label}>
      <select
        id={id}
        name={props.name}
        defaultValue={value ?? (props.empty === undefined ? undefined : '')}
      >
        {props.empty !== undefined && <option value="">{props.empty}</option>}
        {props.options.map((o) =>
          typeof o === 'object' ? (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ) : (
            <option key={o} value={o}>
              {o}
            </option>
          ),
        )}
      </select>
    </LabelledControl>
  );
}

/**
 * A list's declared filters as labelled selects, in the order declared, each showing the value
 * chosen; `options` gives those of a filter whose values come from the page's data.
 */
export function FilterFields<F extends ListFilters>(props: {
  filters: F;
  chosen: ChosenFilters<F>;
  options?: { [K in keyof F]?: readonly SelectOption[] };
}) {
  const { t } = usePortal();
  const options = (filter: ListFilter): readonly SelectOption[] =>
    filterChoices(filter).map((value) =>
      filter.choiceLabel ? { value: String(value), label: t(filter.choiceLabel(value)) } : value,
    );
  return (
    <>
      {Object.entries(props.filters).map(([key, filter]) => (
        <SelectField
          key={key}
          id={filter.id}
          name={filter.param}
          label={t(filter.label)}
          options={props.options?.[key] ?? options(filter)}
          value={props.chosen[key]}
          empty={filter.empty && t(filter.empty)}
        />
      ))}
    </>
  );
}
