import type { FieldProblem } from '@portal/errors';
import type { FileKind } from './file-types';

export const MEDIA_FORMATS = [
  'DOCUMENT',
  'VIDEO',
  'AUDIO',
  'SLIDES',
  'EBOOK',
  'COURSE',
  'LINK',
] as const;
export type MediaFormat = (typeof MEDIA_FORMATS)[number];

export const AUDIENCES = ['CIVIL_SERVANT', 'BUSINESS', 'CITIZEN'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const ITEM_STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** The editable fields of an item, after validation. */
export interface ItemFields {
  title: string;
  description: string | null;
  format: MediaFormat;
  topics: string[];
  audience: Audience[];
  publisher: string | null;
  language: string;
  fileIds: string[];
  collectionId: string | null;
  externalUrl: string | null;
  durationSeconds: number | null;
  pageCount: number | null;
}

/** Formats whose material plays for a while, so a duration means something. */
const TIMED_FORMATS: readonly MediaFormat[] = ['VIDEO', 'AUDIO', 'COURSE'];
/** Formats made of pages. */
const PAGED_FORMATS: readonly MediaFormat[] = ['DOCUMENT', 'SLIDES', 'EBOOK'];

/**
 * Rules that hold for every item whatever its status: a LINK points somewhere and has no
 * files; a duration only for timed material, a page count only for paged material.
 * Problems name the input field (`input.externalUrl`).
 */
export function itemProblems(item: ItemFields, path = 'input'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const field = (name: string) => `${path}.${name}`;
  if (item.format === 'LINK') {
    if (!item.externalUrl)
      problems.push({ field: field('externalUrl'), message: 'is required for a LINK' });
    if (item.fileIds.length > 0)
      problems.push({ field: field('fileIds'), message: 'must be empty for a LINK' });
  }
  if (item.durationSeconds !== null && !TIMED_FORMATS.includes(item.format))
    problems.push({
      field: field('durationSeconds'),
      message: `applies only to ${TIMED_FORMATS.join(', ')}`,
    });
  if (item.pageCount !== null && !PAGED_FORMATS.includes(item.format))
    problems.push({
      field: field('pageCount'),
      message: `applies only to ${PAGED_FORMATS.join(', ')}`,
    });
  return problems;
}

/** The kinds of file that can carry each format's material. */
const MAIN_FILE_KINDS: Record<Exclude<MediaFormat, 'LINK' | 'COURSE'>, readonly FileKind[]> = {
  DOCUMENT: ['pdf', 'document', 'spreadsheet'],
  VIDEO: ['video'],
  AUDIO: ['audio'],
  SLIDES: ['presentation', 'pdf'],
  EBOOK: ['ebook', 'pdf'],
};

/**
 * What stops an item from being published: the material itself must be there. A VIDEO
 * needs a video file, a DOCUMENT a PDF or office document, and so on; a COURSE needs a
 * file or an external URL; a LINK needs its URL.
 */
export function publishProblems(item: ItemFields, fileKinds: readonly FileKind[]): FieldProblem[] {
  const problems = itemProblems(item, 'item');
  if (item.format === 'LINK') return problems;
  if (item.format === 'COURSE') {
    if (fileKinds.length === 0 && !item.externalUrl)
      problems.push({ field: 'item.fileIds', message: 'a COURSE needs a file or an externalUrl' });
    return problems;
  }
  const accepted = MAIN_FILE_KINDS[item.format];
  if (!fileKinds.some((k) => accepted.includes(k)))
    problems.push({
      field: 'item.fileIds',
      message: `a ${item.format} needs at least one ${accepted.join(' or ')} file`,
    });
  return problems;
}

export type Transition =
  { change: false } | { change: true; status: ItemStatus; publishedAt: Date | null };

/** DRAFT or ARCHIVED → PUBLISHED; the first publication date is kept when re-publishing. */
export function publishTransition(
  item: { status: ItemStatus; publishedAt: Date | null },
  now: Date,
): Transition {
  if (item.status === 'PUBLISHED') return { change: false };
  return { change: true, status: 'PUBLISHED', publishedAt: item.publishedAt ?? now };
}

/** Any status → ARCHIVED; archiving an archived item changes nothing. */
export function archiveTransition(item: {
  status: ItemStatus;
  publishedAt: Date | null;
}): Transition {
  if (item.status === 'ARCHIVED') return { change: false };
  return { change: true, status: 'ARCHIVED', publishedAt: item.publishedAt };
}
