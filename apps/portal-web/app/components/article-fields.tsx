import { ArticleKind, ArticleScope } from '../__generated__/graphql';
import { usePortal } from '../lib/portal-data';
import { SelectField } from './list-filters';
import { Field } from './ui';

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
        <SelectField
          id="f-kind"
          name="kind"
          label={l('Loại', 'Kind')}
          options={KINDS}
          value={v.kind ?? 'NEWS'}
        />
        <SelectField
          id="f-scope"
          name="scope"
          label={l('Phạm vi', 'Scope')}
          options={SCOPES}
          value={v.scope ?? 'CITY'}
        />
        <SelectField
          id="f-categoryId"
          name="categoryId"
          label={l('Chuyên mục', 'Category')}
          options={props.categories.flatMap((c) => [
            { value: c.id, label: c.name },
            ...c.children.map((ch) => ({ value: ch.id, label: <>— {ch.name}</> })),
          ])}
          value={v.categoryId}
          empty="—"
        />
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
