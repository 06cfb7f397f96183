import { Link } from 'react-router';
import { DateText } from './ui';

/** An article in a list of large teasers: its title as a link, its summary, and its date if asked. */
export function ArticleTeaser(props: {
  article: { slug: string; title: string; summary?: string | null; publishedAt?: string | null };
  dated?: boolean;
}) {
  const a = props.article;
  return (
    <li>
      <h2>
        <Link to={`/bai-viet/${a.slug}`}>{a.title}</Link>
      </h2>
      <p>{a.summary}</p>
      {props.dated && (
        <p className="meta">
          <DateText iso={a.publishedAt} />
        </p>
      )}
    </li>
  );
}
