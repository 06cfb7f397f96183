import { MediaFormat, type LibraryAudience } from '../__generated__/graphql';

/** The library's media formats, in the graph's order, which its filter and the staff form offer. */
export const MEDIA_FORMATS = Object.values(MediaFormat);

/** Who a library item is for, in the order its filter and the staff form offer them (not the graph's). */
export const LIBRARY_AUDIENCES: LibraryAudience[] = ['CITIZEN', 'BUSINESS', 'CIVIL_SERVANT'];
