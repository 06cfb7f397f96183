import { Form, redirect } from 'react-router';
import { CreateThreadDocument } from '../__generated__/graphql';
import { SelectField } from '../components/list-filters';
import { Field, FormAnswer, FormError } from '../components/ui';
import { THREAD_KINDS } from '../lib/forum';
import { runOperation } from '../lib/graphql.server';
import { sectionMeta } from '../lib/meta';
import { usePortal } from '../lib/portal-data';
import { requireViewer } from '../lib/session.server';
import type { Route } from './+types/forum-new';

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireViewer(request, context);
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const { token } = await requireViewer(request, context);
  const form = await request.formData();
  const input = {
    title: String(form.get('title') ?? ''),
    body: String(form.get('body') ?? ''),
    bodyFormat: 'PLAIN' as const,
    kind: THREAD_KINDS.find((k) => k === form.get('kind')) ?? 'PROPOSAL',
  };
  const result = await runOperation(context, CreateThreadDocument, { input }, token);
  if (result.ok) return redirect(`/dien-dan/${result.data.createThread.id}`);
  return { error: result.error, values: input };
}

export const meta = sectionMeta({
  path: '/dien-dan/moi',
  title: { vi: 'Gửi hiến kế, câu hỏi', en: 'Propose or ask' },
});

export default function NewThread({ actionData: result }: Route.ComponentProps) {
  const { t } = usePortal();
  return (
    <div className="narrow">
      <h1>{t('newThread')}</h1>
      <FormError error={result?.error} />
      <Form method="post" className="stack">
        <FormAnswer error={result?.error} values={result?.values}>
          <SelectField
            name="kind"
            label={t('kind')}
            options={THREAD_KINDS.map((k) => ({ value: k, label: t(`kind${k}`) }))}
            value="PROPOSAL"
          />
          <Field name="title" label={t('title')} required />
          <Field name="body" label={t('body')} required multiline rows={8} />
        </FormAnswer>
        <button type="submit">{t('send')}</button>
      </Form>
    </div>
  );
}
