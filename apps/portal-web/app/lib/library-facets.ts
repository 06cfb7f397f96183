import type { LibraryAudience, MediaFormat } from '../__generated__/graphql';

/** The library's media formats, in the order its filter and the staff form offer them. */
export const MEDIA_FORMATS: MediaFormat[] = [
  'DOCUMENT',
  'VIDEO',
  'AUDIO',
  'SLIDES',
  'EBOOK',
  'COURSE',
  'LINK',
];

/** Who a library item is for, in the order its filter and the staff form offer them. */
export const LIBRARY_AUDIENCES: LibraryAudience[] = ['CITIZEN', 'BUSINESS', 'CIVIL_SERVANT'];
