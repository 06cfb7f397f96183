import { Form, Link } from 'react-router';
import { HotlineCategoriesDocument, SubmitFeedbackDocument } from '../__generated__/graphql';
import { SelectField } from '../components/list-filters';
import { Field, FormAnswer, FormError, Notice } from '../components/ui';
import { runOperation } from '../lib/graphql.server';
import { sectionMeta } from '../lib/meta';
import { usePortal } from '../lib/portal-data';
import { currentViewer } from '../lib/session.server';
import type { Route } from './+types/feedback';

export async function loader({ context }: Route.LoaderArgs) {
  const categories = await runOperation(context, HotlineCategoriesDocument, {});
  return { categories: categories.ok ? (categories.data.hotlineCategories ?? []) : [] };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { token } = await currentViewer(request, context);
  const form = await request.formData();
  const values = {
    subject: String(form.get('subject') ?? ''),
    body: String(form.get('body') ?? ''),
    contactEmail: String(form.get('contactEmail') ?? '').trim(),
    categoryCode: String(form.get('categoryCode') ?? ''),
  };
  const input = {
    subject: values.subject,
    body: values.body,
    ...(values.contactEmail ? { contactEmail: values.contactEmail } : {}),
    ...(values.categoryCode ? { categoryCode: values.categoryCode } : {}),
  };
  const result = await runOperation(context, SubmitFeedbackDocument, { input }, token);
  if (result.ok) return { done: result.data.submitFeedback, error: null, values };
  return { done: null, error: result.error, values };
}

export const meta = sectionMeta({
  path: '/gop-y',
  title: { vi: 'Góp ý, phản ánh', en: 'Feedback' },
});

export default function Feedback({ loaderData, actionData: result }: Route.ComponentProps) {
  const { categories } = loaderData;
  const { t } = usePortal();
  const done = result?.done;
  return (
    <div className="narrow">
      <h1>{t('feedback')}</h1>
      <p>{t('feedbackIntro')}</p>
      {done?.routedTo === 'FORUM' && (
        <Notice>
          {t('feedbackForum')}{' '}
          {done.threadId && <Link to={`/dien-dan/${done.threadId}`}>{t('forum')} →</Link>}
        </Notice>
      )}
      {done?.routedTo === 'HOTLINE' && (
        <Notice>
          {t('feedbackHotline')}{' '}
          <Link to={`/tra-cuu-phan-anh?ma=${done.trackingCode}`} data-testid="tracking-code">
            {done.trackingCode}
          </Link>
        </Notice>
      )}
      <FormError error={result?.error} />
      <Form method="post" className="stack">
        <FormAnswer error={result?.error} values={result?.values}>
          <Field name="subject" label={t('subject')} required />
          <Field name="body" label={t('body')} required multiline />
          <Field name="contactEmail" type="email" autoComplete="email" label={t('contactEmail')} />
          <SelectField
            name="categoryCode"
            label={t('category')}
            options={categories.map((c) => ({ value: c.code, label: c.name }))}
            empty="—"
          />
        </FormAnswer>
        <button type="submit">{t('send')}</button>
      </Form>
    </div>
  );
}
