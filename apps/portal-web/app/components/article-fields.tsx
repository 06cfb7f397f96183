import { ArticleKind, ArticleScope } from '../__generated__/graphql';
import type { GraphError } from '../lib/graphql.server';
import { usePortal } from '../lib/portal-data';
import { SelectField } from './list-filters';
import { Field, FormAnswer } from './ui';

export const KINDS = Object.values(ArticleKind);
export const SCOPES = Object.values(ArticleScope);

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
  error?: GraphError | null;
  categories: { id: string; name: string; children: { id: string; name: string }[] }[];
}) {
  const { l } = usePortal();
  const v = props.values ?? {};
  return (
    <FormAnswer error={props.error} values={{ ...v, tags: v.tags?.join(', ') }}>
      <Field name="title" label={l('Tiêu đề', 'Title')} required />
      <Field name="summary" label={l('Tóm tắt', 'Summary')} multiline rows={2} />
      <Field name="body" label={l('Nội dung (HTML)', 'Body (HTML)')} required multiline rows={10} />
      <div className="columns three">
        <SelectField name="kind" label={l('Loại', 'Kind')} options={KINDS} value="NEWS" />
        <SelectField name="scope" label={l('Phạm vi', 'Scope')} options={SCOPES} value="CITY" />
        <SelectField
          name="categoryId"
          label={l('Chuyên mục', 'Category')}
          options={props.categories.flatMap((c) => [
            { value: c.id, label: c.name },
            ...c.children.map((ch) => ({ value: ch.id, label: <>— {ch.name}</> })),
          ])}
          empty="—"
        />
      </div>
      <Field name="tags" label={l('Thẻ (cách nhau bởi dấu phẩy)', 'Tags (comma-separated)')} />
      <Field name="sourceUnit" label={l('Mã đơn vị cung cấp', 'Source unit code')} />
    </FormAnswer>
  );
}
