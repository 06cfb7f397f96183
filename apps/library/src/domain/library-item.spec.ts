import { describe, expect, it } from 'vitest';
import {
  archiveTransition,
  itemProblems,
  publishProblems,
  publishTransition,
  type ItemFields,
} from './library-item';

const base: ItemFields = {
  title: 'Cẩm nang',
  description: null,
  format: 'DOCUMENT',
  topics: [],
  audience: ['CITIZEN'],
  publisher: null,
  language: 'vi',
  fileIds: ['a'.repeat(24)],
  collectionId: null,
  externalUrl: null,
  durationSeconds: null,
  pageCount: null,
};

describe('item rules', () => {
  it('needs a URL and no files for a LINK', () => {
    expect(itemProblems({ ...base, format: 'LINK' }).map((p) => p.field)).toEqual([
      'input.externalUrl',
      'input.fileIds',
    ]);
    expect(
      itemProblems({ ...base, format: 'LINK', fileIds: [], externalUrl: 'https://a.vn' }),
    ).toEqual([]);
  });

  it('allows a duration only for timed formats and a page count only for paged ones', () => {
    expect(itemProblems({ ...base, durationSeconds: 60 })[0]?.field).toBe('input.durationSeconds');
    expect(itemProblems({ ...base, format: 'AUDIO', durationSeconds: 60 })).toEqual([]);
    expect(itemProblems({ ...base, format: 'VIDEO', pageCount: 3 })[0]?.field).toBe(
      'input.pageCount',
    );
    expect(itemProblems({ ...base, format: 'EBOOK', pageCount: 3 })).toEqual([]);
  });

  it('publishes only when the material matches the format', () => {
    expect(publishProblems(base, ['pdf'])).toEqual([]);
    expect(publishProblems(base, ['image'])[0]).toMatchObject({ field: 'item.fileIds' });
    expect(publishProblems({ ...base, format: 'VIDEO' }, ['pdf', 'image'])[0]?.message).toBe(
      'a VIDEO needs at least one video file',
    );
    expect(publishProblems({ ...base, format: 'VIDEO' }, ['video', 'pdf'])).toEqual([]);
    expect(publishProblems({ ...base, format: 'SLIDES' }, ['presentation'])).toEqual([]);
    expect(publishProblems({ ...base, format: 'EBOOK' }, ['ebook'])).toEqual([]);
    expect(publishProblems({ ...base, format: 'COURSE', fileIds: [] }, [])).toHaveLength(1);
    expect(
      publishProblems({ ...base, format: 'COURSE', fileIds: [], externalUrl: 'https://a.vn' }, []),
    ).toEqual([]);
  });

  it('moves between statuses, keeping the first publication date', () => {
    const now = new Date('2025-06-01T00:00:00Z');
    const first = new Date('2025-01-01T00:00:00Z');
    expect(publishTransition({ status: 'DRAFT', publishedAt: null }, now)).toEqual({
      change: true,
      status: 'PUBLISHED',
      publishedAt: now,
    });
    expect(publishTransition({ status: 'ARCHIVED', publishedAt: first }, now)).toMatchObject({
      publishedAt: first,
    });
    expect(publishTransition({ status: 'PUBLISHED', publishedAt: first }, now)).toEqual({
      change: false,
    });
    expect(archiveTransition({ status: 'PUBLISHED', publishedAt: first })).toEqual({
      change: true,
      status: 'ARCHIVED',
      publishedAt: first,
    });
    expect(archiveTransition({ status: 'ARCHIVED', publishedAt: first })).toEqual({
      change: false,
    });
  });
});
