import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Viewer } from '@portal/auth';
import { threadListQuery } from './thread-query';

const moderator: Viewer = { ...ANONYMOUS, id: 'm1', roles: ['citizen', 'moderator'] };

describe('threadListQuery', () => {
  it('shows the public visible threads only, newest first', () => {
    const q = threadListQuery({}, ANONYMOUS);
    expect(q.filter).toEqual({ visibility: 'VISIBLE' });
    expect(q.sort).toEqual([
      ['createdAt', -1],
      ['_id', -1],
    ]);
  });

  it('lists hidden threads for moderators only', () => {
    expect(threadListQuery({ status: 'HIDDEN' }, moderator).filter).toEqual({
      visibility: { $in: ['HIDDEN', 'REMOVED'] },
    });
    expect(() => threadListQuery({ status: 'HIDDEN' }, ANONYMOUS)).toThrow(/moderators/);
  });

  it('filters by every field, with accent-insensitive search and tags', () => {
    const q = threadListQuery(
      {
        kind: 'PROPOSAL',
        status: 'ANSWERED',
        categoryId: 'kinh-te-so',
        department: 'SO-KHCN',
        tag: 'Chuyển Đổi Số',
        search: 'Chuyển đổi SỐ',
        sort: 'MOST_VOTED',
      },
      ANONYMOUS,
    );
    expect(q.filter).toEqual({
      visibility: 'VISIBLE',
      workflowStatus: 'ANSWERED',
      kind: 'PROPOSAL',
      categoryId: 'kinh-te-so',
      assignedDepartment: 'SO-KHCN',
      $and: [{ tagKeys: 'chuyen-doi-so' }, { searchTokens: { $all: ['chuyen', 'doi', 'so'] } }],
    });
    expect(q.sort[0]).toEqual(['voteCount', -1]);
  });

  it('sorts unanswered open threads longest waiting first', () => {
    const q = threadListQuery({ sort: 'UNANSWERED' }, ANONYMOUS);
    expect(q.filter).toEqual({ visibility: 'VISIBLE', workflowStatus: 'OPEN' });
    expect(q.sort[0]).toEqual(['createdAt', 1]);
    expect(threadListQuery({ sort: 'UNANSWERED', status: 'CLOSED' }, ANONYMOUS).empty).toBe(true);
  });

  it('answers nothing for a search without words', () => {
    expect(threadListQuery({ search: '!!!' }, ANONYMOUS).empty).toBe(true);
    expect(threadListQuery({ search: '' }, ANONYMOUS).empty).toBe(false);
  });
});
