import { hasRole, requireRole, type Viewer } from '@portal/auth';
import { forbidden } from '@portal/errors';
import type { ItemStatus } from './library-item';

/**
 * Who may do what in the library. Editors create, edit, publish and archive anything
 * and manage collections and the app directory; contributors create drafts and edit
 * their own drafts; everyone sees published items only.
 */

interface OwnedItem {
  status: ItemStatus;
  createdBy: { id: string };
}

export function isEditor(viewer: Viewer): boolean {
  return hasRole(viewer, 'editor');
}

/** Contributors and editors: upload files, create drafts. */
export function requireContributor(viewer: Viewer): asserts viewer is Viewer & { id: string } {
  requireRole(viewer, 'contributor', 'editor');
}

export function requireEditor(viewer: Viewer): asserts viewer is Viewer & { id: string } {
  requireRole(viewer, 'editor');
}

/** Whether the viewer may see this item at all (a draft is invisible, not forbidden, to others). */
export function canSeeItem(viewer: Viewer, item: OwnedItem): boolean {
  if (item.status === 'PUBLISHED') return true;
  if (isEditor(viewer)) return true;
  return hasRole(viewer, 'contributor') && item.createdBy.id === viewer.id;
}

/** Editors edit anything; contributors only their own drafts. */
export function requireCanEditItem(viewer: Viewer, item: OwnedItem): void {
  requireContributor(viewer);
  if (isEditor(viewer)) return;
  if (item.createdBy.id !== viewer.id)
    throw forbidden('Contributors may edit only their own items');
  if (item.status !== 'DRAFT')
    throw forbidden('Only an editor may change a published or archived item');
}

/** Placing items in collections is managing the collection, which is editors' work. */
export function requireCanPlaceInCollection(viewer: Viewer): void {
  if (!isEditor(viewer)) throw forbidden('Only editors place items in collections');
}

/** Contributors attach only files they uploaded themselves; editors attach any. */
export function requireCanAttachFiles(
  viewer: Viewer & { id: string },
  files: readonly { uploadedBy: { id: string } }[],
): void {
  if (isEditor(viewer)) return;
  if (files.some((f) => f.uploadedBy.id !== viewer.id))
    throw forbidden('Contributors may attach only files they uploaded');
}

/**
 * Which items a listing shows: published ones by default; editors may ask for any
 * status, contributors for their own drafts or archived items; others are refused.
 */
export function listingScope(
  viewer: Viewer,
  requested: ItemStatus | null | undefined,
): { status: ItemStatus; createdById: string | null } {
  const status = requested ?? 'PUBLISHED';
  if (status === 'PUBLISHED' || isEditor(viewer)) return { status, createdById: null };
  requireContributor(viewer);
  return { status, createdById: viewer.id };
}

/** Whether a file that belongs to no published item may be fetched by this viewer. */
export function canFetchUnpublishedFile(
  viewer: Viewer,
  file: { uploadedBy: { id: string } },
): boolean {
  if (isEditor(viewer)) return true;
  return hasRole(viewer, 'contributor') && file.uploadedBy.id === viewer.id;
}
