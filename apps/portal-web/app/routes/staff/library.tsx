import { Form, Link, redirect } from 'react-router';
import {
  CreateLibraryItemDocument,
  PublishLibraryItemDocument,
  StaffLibraryItemsDocument,
  type LibraryAudience,
  LibraryItemStatus,
} from '../../__generated__/graphql';
import { FilterFields, FilterForm, SelectField } from '../../components/list-filters';
import {
  DateText,
  Field,
  FormAnswer,
  FormOutcome,
  IntentForm,
  Notice,
  Section,
} from '../../components/ui';
import { loadOrThrow, outcome, runOperation } from '../../lib/graphql.server';
import { listQuery } from '../../lib/list-query';
import { LIBRARY_AUDIENCES, MEDIA_FORMATS } from '../../lib/library-facets';
import { hasRole, usePortal } from '../../lib/portal-data';
import { requireViewer } from '../../lib/session.server';
import { EDITOR_ROLES, EDITORIAL_ROLES, statusFilter } from '../../lib/staff';
import type { Route } from './+types/library';

const FILTERS = { status: statusFilter(Object.values(LibraryItemStatus), { all: false }) };

export async function loader({ request, context }: Route.LoaderArgs) {
  const { token, viewer } = await requireViewer(request, context, EDITORIAL_ROLES);
  const query = listQuery(request);
  const { params } = query;
  const { status = 'DRAFT' } = query.filters(FILTERS);
  const data = await loadOrThrow(context, StaffLibraryItemsDocument, { status }, token);
  return {
    status,
    items: data.libraryItems,
    uploaded: params.get('tep') ? { id: params.get('tep')!, name: params.get('ten') ?? '' } : null,
    uploadError: params.get('loi'),
    canPublish: hasRole(viewer, ...EDITOR_ROLES),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { token } = await requireViewer(request, context, EDITORIAL_ROLES);
  const form = await request.formData();
  if (form.get('intent') === 'publish') {
    const r = await runOperation(
      context,
      PublishLibraryItemDocument,
      { id: String(form.get('id')) },
      token,
    );
    return outcome(r, (d) => d.publishLibraryItem.status);
  }
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const list = (name: string) =>
    text(name)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const fileId = text('fileId');
  const input = {
    title: text('title'),
    ...(text('description') ? { description: text('description') } : {}),
    format: MEDIA_FORMATS.find((f) => f === form.get('format')) ?? 'DOCUMENT',
    topics: list('topics'),
    audience: form
      .getAll('audience')
      .filter((a): a is LibraryAudience => LIBRARY_AUDIENCES.includes(a as LibraryAudience)),
    ...(text('publisher') ? { publisher: text('publisher') } : {}),
    ...(fileId ? { fileIds: [fileId] } : {}),
  };
  const r = await runOperation(context, CreateLibraryItemDocument, { input }, token);
  if (r.ok) return redirect('/quan-tri/thu-vien?trang-thai=DRAFT');
  return { done: null, error: r.error };
}

export default function StaffLibrary({ loaderData, actionData: result }: Route.ComponentProps) {
  const { status, items, uploaded, uploadError, canPublish } = loaderData;
  const { l } = usePortal();
  return (
    <div>
      <h1>{l('Thư viện số', 'Library')}</h1>
      <FormOutcome done={result?.done} error={result?.error} />
      <FilterForm>
        <FilterFields filters={FILTERS} chosen={{ status }} />
      </FilterForm>
      <ul className="queue">
        {(items?.nodes ?? []).map((item) => (
          <li key={item.id} className="card">
            {item.status === 'PUBLISHED' ? (
              <Link to={`/thu-vien/${item.slug}`}>{item.title}</Link>
            ) : (
              item.title
            )}
            <p className="meta">
              {item.format} · {item.status} · <DateText iso={item.updatedAt} />
            </p>
            {canPublish && item.status === 'DRAFT' && (
              <IntentForm intent="publish" hidden={{ id: item.id }}>
                <button type="submit">{l('Xuất bản', 'Publish')}</button>
              </IntentForm>
            )}
          </li>
        ))}
      </ul>

      <Section
        headingId="h-upload"
        title={l('1. Tải tệp lên', '1. Upload a file')}
        className="panel"
      >
        {uploaded && (
          <Notice>
            {l('Đã tải lên', 'Uploaded')}: {uploaded.name}
          </Notice>
        )}
        {uploadError && (
          <p role="alert" className="field-error">
            {uploadError}
          </p>
        )}
        <form
          method="post"
          action="/quan-tri/tai-len"
          encType="multipart/form-data"
          className="inline"
        >
          <label htmlFor="f-file">
            {l(
              'Tệp (PDF, Office, EPUB, MP4, MP3, ảnh)',
              'File (PDF, Office, EPUB, MP4, MP3, image)',
            )}
          </label>
          <input id="f-file" type="file" name="file" required />
          <button type="submit">{l('Tải lên', 'Upload')}</button>
        </form>
      </Section>

      <Section
        headingId="h-new-item"
        title={l('2. Tạo tài liệu', '2. Create the item')}
        className="panel"
      >
        <Form method="post" className="stack">
          <input type="hidden" name="fileId" value={uploaded?.id ?? ''} />
          <FormAnswer error={result?.error}>
            <Field name="title" label={l('Tiêu đề', 'Title')} required />
            <Field name="description" label={l('Mô tả', 'Description')} multiline rows={3} />
            <SelectField
              name="format"
              label={l('Định dạng', 'Format')}
              options={MEDIA_FORMATS}
              value="DOCUMENT"
            />
            <Field
              name="topics"
              label={l('Chủ đề (cách nhau bởi dấu phẩy)', 'Topics (comma-separated)')}
            />
            <fieldset>
              <legend>{l('Đối tượng', 'Audience')}</legend>
              {LIBRARY_AUDIENCES.map((a) => (
                <div key={a} className="radio">
                  <input type="checkbox" id={`aud-${a}`} name="audience" value={a} />
                  <label htmlFor={`aud-${a}`}>{a}</label>
                </div>
              ))}
            </fieldset>
            <Field name="publisher" label={l('Nhà xuất bản', 'Publisher')} />
          </FormAnswer>
          <button type="submit">{l('Tạo bản nháp', 'Create draft')}</button>
        </Form>
      </Section>
    </div>
  );
}
