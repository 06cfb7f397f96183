import { createContext, Fragment, useContext } from 'react';
import { Form, Link, useLocation } from 'react-router';
import type { GraphError } from '../lib/graphql.server';
import { formatDate } from '../lib/i18n';
import { usePortal } from '../lib/portal-data';
import { signInPath } from '../lib/sign-in-path';

export function DateText({ iso }: { iso: string | null | undefined }) {
  const { lang } = usePortal();
  if (!iso) return null;
  return <time dateTime={iso}>{formatDate(lang, iso)}</time>;
}

/** The part of a GraphQL connection that says whether there is a page after this one. */
export interface Paged {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** A link to the next page of a cursor-paginated list, keeping the other query parameters. */
export function NextPage({ page }: { page: Paged | null | undefined }) {
  const { t } = usePortal();
  const location = useLocation();
  const cursor = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  if (!cursor) return null;
  const params = new URLSearchParams(location.search);
  params.set('sau', cursor);
  return (
    <p className="pager">
      <Link to={`${location.pathname}?${params.toString()}`}>{t('next')} →</Link>
    </p>
  );
}

/**
 * A page of a public list: a "no results" line when it is empty, its items (`children` renders
 * one as its `li`), then the link to the next page.
 */
export function PagedList<T extends { id: string }>(props: {
  page: (Paged & { nodes: readonly T[] }) | null | undefined;
  testId: string;
  children: (item: T) => React.ReactNode;
}) {
  const { t } = usePortal();
  const nodes = props.page?.nodes ?? [];
  return (
    <>
      {nodes.length === 0 && <p>{t('noResults')}</p>}
      <ul className="article-list large" data-testid={props.testId}>
        {nodes.map((item) => (
          <Fragment key={item.id}>{props.children(item)}</Fragment>
        ))}
      </ul>
      <NextPage page={props.page} />
    </>
  );
}

/** How many results a searched or filtered list found, read out again when it changes. */
export function ResultCount({ list }: { list: { totalCount: number } | null | undefined }) {
  const { t } = usePortal();
  return (
    <p className="meta" aria-live="polite">
      {list?.totalCount ?? 0} {t('results')}
    </p>
  );
}

/** The error of a form as people should read it: next to its fields, or with a retry. */
export function FormError({ error }: { error: GraphError | null | undefined }) {
  const { t } = usePortal();
  if (!error) return null;
  const text =
    error.code === 'RATE_LIMITED'
      ? `${t('errorRateLimited')}${error.retryAfter ? ` (${error.retryAfter}s)` : ''}`
      : error.code === 'NETWORK' || error.code === 'INTERNAL_SERVER_ERROR'
        ? t('errorNetwork')
        : error.code === 'FORBIDDEN' || error.code === 'UNAUTHENTICATED'
          ? t('errorForbidden')
          : error.message;
  const retry =
    error.code === 'RATE_LIMITED' ||
    error.code === 'NETWORK' ||
    error.code === 'INTERNAL_SERVER_ERROR';
  return (
    <div className="notice error" role="alert">
      <p>{text}</p>
      {retry && (
        <p className="hint">
          {t('retry')}: {t('send')} ↻
        </p>
      )}
    </div>
  );
}

/** What a form action did: a short note when it worked, else its error. */
export function FormOutcome({
  done,
  error,
}: {
  done: React.ReactNode;
  error: GraphError | null | undefined;
}) {
  return (
    <>
      {done && <Notice>{done}</Notice>}
      <FormError error={error} />
    </>
  );
}

/** The row of a table's column headings. */
function ColumnHeads({ columns }: { columns: string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th scope="col" key={c}>
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/**
 * A table of rows under column headings, with a caption only screen readers need (the page's
 * heading says it), or none where the section's heading names the table.
 */
export function DataTable(props: {
  caption?: string;
  columns: string[];
  testId?: string;
  children: React.ReactNode;
}) {
  return (
    <table className="table" data-testid={props.testId}>
      {props.caption !== undefined && (
        <caption className="visually-hidden">{props.caption}</caption>
      )}
      <ColumnHeads columns={props.columns} />
      <tbody>{props.children}</tbody>
    </table>
  );
}

/**
 * A post form for one of a page's actions: the `intent` its action switches on and the ids it
 * needs travel as hidden fields.
 */
export function IntentForm({
  intent,
  hidden,
  children,
  ...form
}: {
  intent: string;
  hidden?: Record<string, string | number>;
  className?: string;
  lang?: string;
  children: React.ReactNode;
}) {
  return (
    <Form method="post" {...form}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </Form>
  );
}

/**
 * A table of figures that scrolls sideways on a phone instead of widening the page (the
 * region takes focus, so keyboards scroll it too); `label` names the region where the caption
 * is not plain text. Each row's first cell names the row unless `rowHeaders` is false.
 */
export function ScrollTable(props: {
  caption: React.ReactNode;
  label?: string;
  head: string[];
  rows: React.ReactNode[][];
  rowHeaders?: boolean;
  testId?: string;
}) {
  const label = props.label ?? (typeof props.caption === 'string' ? props.caption : undefined);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      <table className="table" data-testid={props.testId}>
        <caption>{props.caption}</caption>
        <ColumnHeads columns={props.head} />
        <tbody>
          {props.rows.map(([first, ...rest], i) => (
            <tr key={i}>
              {props.rowHeaders === false ? <td>{first}</td> : <th scope="row">{first}</th>}
              {rest.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A section named by its heading: the h2 carries `headingId`, which aria-labelledby names. */
export function Section(props: {
  headingId: string;
  title: React.ReactNode;
  className?: string;
  testId?: string;
  children: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby={props.headingId}
      className={props.className}
      data-testid={props.testId}
    >
      <h2 id={props.headingId}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** What a form's action answered, for the fields inside it: the graph's error, the values sent. */
interface Answer {
  error?: GraphError | null;
  values?: object | null;
}

const AnswerContext = createContext<Answer>({});

/**
 * The fields inside take what the form's action answered: each its own error message and, where
 * the action sends them back, its value as sent (a refused form comes back as it was filled in).
 */
export function FormAnswer(props: Answer & { children: React.ReactNode }) {
  const { error, values } = props;
  return (
    <AnswerContext.Provider value={{ error, values }}>{props.children}</AnswerContext.Provider>
  );
}

/** The value the field `name` was sent with, from the enclosing `FormAnswer`, if it has one. */
export function useSentValue(name: string): string | number | undefined {
  const values = useContext(AnswerContext).values as Record<string, unknown> | null | undefined;
  const sent = values?.[name];
  return typeof sent === 'string' || typeof sent === 'number' ? sent : undefined;
}

/**
 * A labelled input with its own error message (aria-describedby) when the graph refused it; the
 * error and the value as sent come from the enclosing `FormAnswer` unless given.
 */
export function Field(props: {
  name: string;
  label: string;
  error?: GraphError | null;
  type?: string;
  min?: number;
  max?: number;
  required?: boolean;
  defaultValue?: string | number | null;
  multiline?: boolean;
  rows?: number;
  hint?: string;
  autoComplete?: string;
}) {
  const answer = useContext(AnswerContext);
  const sent = useSentValue(props.name);
  const id = `f-${props.name}`;
  const message = (props.error ?? answer.error)?.fields?.[props.name];
  const describedBy = [message ? `${id}-err` : '', props.hint ? `${id}-hint` : '']
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    name: props.name,
    required: props.required,
    defaultValue: sent ?? props.defaultValue ?? undefined,
    'aria-invalid': message ? true : undefined,
    'aria-describedby': describedBy || undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {props.label}
        {props.required && <span aria-hidden="true"> *</span>}
      </label>
      {props.multiline ? (
        <textarea {...common} rows={props.rows ?? 6} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          min={props.min}
          max={props.max}
          autoComplete={props.autoComplete}
        />
      )}
      {props.hint && (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {message && (
        <p className="field-error" id={`${id}-err`}>
          {message}
        </p>
      )}
    </div>
  );
}

/** One step of a breadcrumb: a link, or plain text where the step has no page of its own. */
export interface Crumb {
  label: React.ReactNode;
  to?: string;
  lang?: string;
}

/** The way up from a page to what it belongs to, its steps joined by ›. */
export function Breadcrumb(props: { trail: Crumb[]; lang?: string }) {
  return (
    <p className="breadcrumb" lang={props.lang}>
      {props.trail.map((step, i) => (
        <Fragment key={i}>
          {i > 0 && ' › '}
          {step.to ? (
            <Link to={step.to} lang={step.lang}>
              {step.label}
            </Link>
          ) : (
            <span lang={step.lang}>{step.label}</span>
          )}
        </Fragment>
      ))}
    </p>
  );
}

/**
 * The head of a page about one thing the city wrote in Vietnamese (a survey, a contest, a
 * thread): the way back to its list, its title and, where it has one, its description.
 */
export function ItemHeading(props: { back: Crumb; title: string; description?: string | null }) {
  return (
    <>
      <Breadcrumb trail={[props.back]} />
      <h1 lang="vi">{props.title}</h1>
      {props.description && <p lang="vi">{props.description}</p>}
    </>
  );
}

/**
 * The head of one thing the city wrote in Vietnamese in a public list (a survey, a contest, an
 * event): its title, linking to its page, and its description where it has one.
 */
export function ListItemHeading(props: { to: string; title: string; description?: string | null }) {
  return (
    <>
      <h2 lang="vi">
        <Link to={props.to}>{props.title}</Link>
      </h2>
      {props.description && <p lang="vi">{props.description}</p>}
    </>
  );
}

/** The head of a page under one item (its results, its judging): the way back, `label: title`. */
export function SubpageHeading(props: {
  back: Crumb;
  item: { to: string; title: string };
  label: string;
}) {
  return (
    <>
      <Breadcrumb
        trail={[props.back, { to: props.item.to, label: props.item.title, lang: 'vi' }]}
      />
      <h1>
        {props.label}: <span lang="vi">{props.item.title}</span>
      </h1>
    </>
  );
}

/** A term and its value in a `dl.facts` list; neither where the thing has no such value. */
export function Fact(props: { term: React.ReactNode; lang?: string; children: React.ReactNode }) {
  const value = props.children;
  if (value === null || value === undefined || value === false || value === '') return null;
  return (
    <>
      <dt>{props.term}</dt>
      <dd lang={props.lang}>{value}</dd>
    </>
  );
}

/** A paragraph linking to the sign-in page, which comes back to `returnTo`; it says what for. */
export function SignInPrompt(props: { returnTo: string; children: React.ReactNode }) {
  return (
    <p>
      <Link to={signInPath(props.returnTo)}>{props.children}</Link>
    </p>
  );
}

export function Notice({ children }: { children: React.ReactNode }) {
  return (
    <div className="notice" role="status">
      {children}
    </div>
  );
}
