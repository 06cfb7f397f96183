// "Hỏi đáp": a question answered from the portal's content and open data, every sentence with
// its citations as links; when nothing is found, the feedback form and the 1022 hotline.
import { Form, Link } from 'react-router';
import { AskDocument, type AskMutation, type SourceKind } from '../../__generated__/graphql';
import { Field, FormError, ScrollTable, Section } from '../../components/ui';
import { citationHref } from '../../lib/citations';
import { runOperation } from '../../lib/graphql.server';
import { sectionMeta } from '../../lib/meta';
import { usePortal } from '../../lib/portal-data';
import { currentViewer } from '../../lib/session.server';
import type { Route } from './+types/ask';

const MAX_QUESTION = 500;

export async function action({ request, context }: Route.ActionArgs) {
  const { token } = await currentViewer(request, context);
  const form = await request.formData();
  const question = String(form.get('question') ?? '').trim();
  const conversationId = String(form.get('conversationId') ?? '') || undefined;
  const result = await runOperation(
    context,
    AskDocument,
    { question, ...(conversationId ? { conversationId } : {}) },
    token,
  );
  if (result.ok) return { question, answer: result.data.ask, error: null };
  return { question, answer: null, error: result.error };
}

export const meta = sectionMeta({
  path: '/hoi-dap',
  title: { vi: 'Hỏi đáp', en: 'Ask the portal' },
  description: {
    vi: 'Hỏi đáp về chuyển đổi số và dữ liệu mở của Thành phố, mỗi câu trả lời kèm nguồn trích dẫn.',
    en: 'Questions answered from the portal and the city’s open data, with their sources.',
  },
});

function useKindLabel() {
  const { l } = usePortal();
  const labels: Record<SourceKind, [string, string]> = {
    ARTICLE: ['Bài viết', 'Article'],
    HANDBOOK: ['Cẩm nang', 'Handbook'],
    LIBRARY_ITEM: ['Thư viện', 'Library'],
    OFFICIAL_ANSWER: ['Trả lời chính thức', 'Official answer'],
    DATASET: ['Dữ liệu mở', 'Open data'],
    RESOURCE: ['Tệp dữ liệu', 'Data file'],
  };
  return (kind: SourceKind) => l(...labels[kind]);
}

function Answer({ answer }: { answer: AskMutation['ask'] }) {
  const { l } = usePortal();
  const kindLabel = useKindLabel();
  if (answer.status === 'NO_ANSWER')
    return (
      <Section
        headingId="h-answer"
        title={l('Chưa tìm được câu trả lời', 'No answer found')}
        className="panel"
        testId="no-answer"
      >
        <p lang="vi">{answer.feedback?.message ?? answer.text}</p>
        <ul>
          <li>
            <Link to="/gop-y">
              {l(
                'Gửi góp ý, phản ánh qua biểu mẫu',
                'Send us your question through the feedback form',
              )}
            </Link>
          </li>
          <li>
            {l('Gọi Tổng đài', 'Call the hotline')}{' '}
            <a href={`tel:${answer.feedback?.hotline ?? '1022'}`}>
              {answer.feedback?.hotline ?? '1022'}
            </a>
          </li>
        </ul>
      </Section>
    );
  return (
    <Section headingId="h-answer" title={l('Trả lời', 'Answer')} className="panel" testId="answer">
      {answer.notice && <p className="meta">{answer.notice}</p>}
      <p lang="vi">
        {answer.sentences.map((s, i) => (
          <span key={i}>
            {s.text.replace(/\s*(\[\d+\])+\s*$/, '')}
            {s.citations.map((n) => (
              <sup key={n}>
                <a href={`#cite-${n}`} aria-label={l(`nguồn ${n}`, `source ${n}`)}>
                  [{n}]
                </a>
              </sup>
            ))}{' '}
          </span>
        ))}
      </p>
      {answer.table && (
        <ScrollTable
          label={l('Các dòng dữ liệu', 'Data rows')}
          caption={
            <>
              {l(`${answer.table.count} dòng phù hợp`, `${answer.table.count} matching rows`)}
              {answer.table.filters.length > 0 && ` (${answer.table.filters.join('; ')})`}
            </>
          }
          head={answer.table.columns}
          rows={answer.table.rows}
          rowHeaders={false}
        />
      )}
      <h3>{l('Nguồn trích dẫn', 'Sources')}</h3>
      <ol className="citations" data-testid="citations">
        {answer.citations.map((c) => (
          <li key={c.index} id={`cite-${c.index}`} value={c.index}>
            <a href={citationHref(c.kind, c.link)} lang="vi">
              {c.title}
            </a>{' '}
            <span className="meta">({kindLabel(c.kind)})</span>
            <blockquote lang="vi">{c.passage}</blockquote>
          </li>
        ))}
      </ol>
    </Section>
  );
}

export default function Ask({ actionData: result }: Route.ComponentProps) {
  const { t, lang, l } = usePortal();
  return (
    <div className="narrow">
      <h1>{t('ask')}</h1>
      <p>
        {l(
          'Đặt câu hỏi về chuyển đổi số, dịch vụ công và dữ liệu mở của Thành phố. Câu trả lời được trích từ các bài viết, cẩm nang, thư viện, trả lời chính thức trên diễn đàn và dữ liệu mở, kèm nguồn để bạn kiểm tra.',
          'Ask about the city’s digital transformation, public services and open data. Answers are drawn from articles, the handbook, the library, official forum answers and open data, with their sources.',
        )}
      </p>
      {result?.question && (
        <p className="meta">
          {l('Câu hỏi', 'Question')}: <q lang={lang}>{result.question}</q>
        </p>
      )}
      <FormError error={result?.error?.code === 'BAD_USER_INPUT' ? null : result?.error} />
      {result?.answer && <Answer answer={result.answer} />}
      <Form method="post" className="stack">
        {result?.answer && (
          <input type="hidden" name="conversationId" value={result.answer.conversationId} />
        )}
        <Field
          name="question"
          label={
            result?.answer
              ? l('Hỏi tiếp', 'Ask a follow-up question')
              : l('Câu hỏi của bạn', 'Your question')
          }
          multiline
          rows={3}
          required
          hint={l(`Tối đa ${MAX_QUESTION} ký tự.`, `At most ${MAX_QUESTION} characters.`)}
          error={result?.error}
        />
        <button type="submit">{l('Hỏi', 'Ask')}</button>
      </Form>
    </div>
  );
}
