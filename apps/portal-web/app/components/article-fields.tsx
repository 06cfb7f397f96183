import type { ArticleKind, ArticleScope } from '../__generated__/graphql';
import { usePortal } from '../lib/portal-data';
import { Field } from './ui';

export const KINDS: ArticleKind[] = [
  'NEWS',
  'PLAN',
  'PROGRAMME',
  'HANDBOOK',
  'ANNOUNCEMENT',
  'COOPERATION',
];
export const SCOPES: ArticleScope[] = ['CITY', 'NATIONAL', 'WORLD'];

/** The article fields of the editor's form, as the graph takes them. */
export function articleInput(form: FormData) {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const tags = text('tags')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    title: text('title'),
    summary: text('summary') || undefined,
    body: String(form.get('body') ?? ''),
    kind: KINDS.find((k) => k === form.get('kind')) ?? 'NEWS',
    scope: SCOPES.find((s) => s === form.get('scope')) ?? 'CITY',
    tags,
    categoryId: text('categoryId') || undefined,
    sourceUnit: text('sourceUnit') || undefined,
  };
}

export function ArticleFields(props: {
  values?: Partial<ReturnType<typeof articleInput>> & { categoryId?: string | null };
  error?: Parameters<typeof Field>[0]['error'];
  categories: { id: string; name: string; children: { id: string; name: string }[] }[];
}) {
  const { l } = usePortal();
  const v = props.values ?? {};
  return (
    <>
      <Field
        name="title"
        label={l('Tiêu đề', 'Title')}
        required
        error={props.error}
        defaultValue={v.title}
      />
      <Field
        name="summary"
        label={l('Tóm tắt', 'Summary')}
        multiline
        rows={2}
        error={props.error}
        defaultValue={v.summary}
      />
      <Field
        name="body"
        label={l('Nội dung (HTML)', 'Body (HTML)')}
        required
        multiline
        rows={10}
        error={props.error}
        defaultValue={v.body}
      />
      <div className="columns three">
        <div className="field">
          <label htmlFor="f-kind">{l('Loại', 'Kind')}</label>
          <select id="f-kind" name="kind" defaultValue={v.kind ?? 'NEWS'}>
            {KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-scope">{l('Phạm vi', 'Scope')}</label>
          <select id="f-scope" name="scope" defaultValue={v.scope ?? 'CITY'}>
            {SCOPES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-categoryId">{l('Chuyên mục', 'Category')}</label>
          <select id="f-categoryId" name="categoryId" defaultValue={v.categoryId ?? ''}>
            <option value="">—</option>
            {props.categories.flatMap((c) => [
              <option key={c.id} value={c.id}>
                {c.name}
              </option>,
              ...c.children.map((ch) => (
                <option key={ch.id} value={ch.id}>
                  — {ch.name}
                </option>
              )),
            ])}
          </select>
        </div>
      </div>
      <Field
        name="tags"
        label={l('Thẻ (cách nhau bởi dấu phẩy)', 'Tags (comma-separated)')}
        error={props.error}
        defaultValue={v.tags?.join(', ')}
      />
      <Field
        name="sourceUnit"
        label={l('Mã đơn vị cung cấp', 'Source unit code')}
        error={props.error}
        defaultValue={v.sourceUnit}
      />
    </>
  );
}
