import { hasRole, type Viewer } from '@portal/auth';
import type { ArticleStatus } from './article-enums';
import { isEditor } from './article-workflow';

interface VisibleArticle {
  status: ArticleStatus;
  author: { id: string };
}

/**
 * Published articles are public. Anything else is visible only to editors and to its
 * author; to everyone else (the public, partners, other services) it does not exist.
 */
export function isVisibleTo(viewer: Viewer, article: VisibleArticle): boolean {
  if (article.status === 'PUBLISHED') return true;
  if (!viewer.id) return false;
  return isEditor(viewer) || viewer.id === article.author.id;
}

/** Who wrote an article is editorial information: staff see it, the public does not. */
export function canSeeAuthor(viewer: Viewer): boolean {
  return viewer.id !== null && hasRole(viewer, 'contributor', 'editor');
}

/** Revision history is for editors and admins. */
export function canSeeRevisions(viewer: Viewer): boolean {
  return isEditor(viewer);
}
