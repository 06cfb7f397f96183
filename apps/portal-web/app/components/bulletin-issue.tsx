import { Link } from 'react-router';
import { usePortal } from '../lib/portal-data';
import { DateText, Section } from './ui';
import { ReadAloud } from './read-aloud';

export interface IssueView {
  number: number;
  year: number;
  month: number;
  title: string;
  editorial?: string | null;
  publishedAt?: string | null;
  readAloud?: {
    text: string;
    audioUrl?: string | null;
    durationSeconds?: number | null;
    language: string;
  } | null;
  sections: {
    title: string;
    items: {
      note?: string | null;
      article?: { id: string; slug: string; title: string; summary: string } | null;
    }[];
  }[];
}

/** One bulletin issue: editorial, read-aloud player, and its sections of articles. */
export function BulletinIssueView({ issue }: { issue: IssueView }) {
  const { t } = usePortal();
  return (
    <article className="bulletin" lang="vi">
      <h1>{issue.title}</h1>
      <p className="meta">
        {t('issue')} {issue.number} · {String(issue.month).padStart(2, '0')}/{issue.year} ·{' '}
        <DateText iso={issue.publishedAt} />
      </p>
      <ReadAloud
        audioUrl={issue.readAloud?.audioUrl}
        text={issue.readAloud?.text}
        language={issue.readAloud?.language}
        durationSeconds={issue.readAloud?.durationSeconds}
      />
      {issue.editorial && <p className="lead">{issue.editorial}</p>}
      {issue.sections.map((section) => (
        <section key={section.title} aria-label={section.title}>
          <h2>{section.title}</h2>
          <ul className="article-list">
            {section.items.map((item, i) =>
              item.article ? (
                <li key={item.article.id}>
                  <Link to={`/bai-viet/${item.article.slug}`}>{item.article.title}</Link>
                  {item.note && <p>{item.note}</p>}
                </li>
              ) : (
                <li key={i}>{item.note}</li>
              ),
            )}
          </ul>
        </section>
      ))}
    </article>
  );
}

export function SubscribeForm({ done, error }: { done?: boolean; error?: string | null }) {
  const { t } = usePortal();
  return (
    <Section headingId="h-subscribe" title={t('subscribe')} className="panel">
      <p className="hint">{t('subscribeHint')}</p>
      {done && <p role="status">{t('subscribed')}</p>}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <form method="post" action="/ban-tin" className="inline">
        <label htmlFor="sub-email">{t('email')}</label>
        <input id="sub-email" name="email" type="email" autoComplete="email" required />
        <button type="submit">{t('subscribe')}</button>
      </form>
    </Section>
  );
}
