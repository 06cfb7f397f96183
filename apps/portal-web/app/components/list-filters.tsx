import type { ReactNode } from 'react';
import { usePortal } from '../lib/portal-data';

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

/** The labelled search box of a list (`?q=`). */
export function SearchField(props: {
  id: string;
  label: string;
  value: string | null | undefined;
  placeholder?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        name="q"
        type="search"
        defaultValue={props.value ?? ''}
        placeholder={props.placeholder}
      />
    </div>
  );
}

/** An option shown as its value, or with a label of its own. */
export type SelectOption = string | number | { value: string; label: ReactNode };

/** A labelled select; `empty` labels a first option with no value (all, none). */
export function SelectField(props: {
  id: string;
  name: string;
  label: string;
  options: readonly SelectOption[];
  value?: string | number | null;
  empty?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        name={props.name}
        defaultValue={props.value ?? (props.empty === undefined ? undefined : '')}
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
    </div>
  );
}

/** The staff console's status filter (`?trang-thai=`); `all` adds the "all statuses" option. */
export function StatusFilter(props: {
  statuses: readonly string[];
  value: string | null | undefined;
  id?: string;
  all?: boolean;
}) {
  const { t } = usePortal();
  return (
    <SelectField
      id={props.id ?? 'st'}
      name="trang-thai"
      label={t('status')}
      options={props.statuses}
      value={props.value}
      empty={props.all === false ? undefined : t('all')}
    />
  );
}
