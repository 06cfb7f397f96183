import { describe, expect, it } from 'vitest';
import { createLogger } from '@portal/logger';
import { testViewer } from '@portal/testing';
import { forumMaintenanceProcessor } from '../src/jobs/forum-maintenance.processor';
import { newThread, useForum } from './forum-harness';

const forum = useForum('forum_maintenance');
const logger = createLogger({ service: 'forum-test', level: 'silent', pretty: false });

describe('forum maintenance', () => {
  it('repairs a vote-count sort key that a race left behind', async () => {
    const id = await newThread(forum, testViewer('citizen', { id: 'm-author' }));
    for (const voter of ['a', 'b', 'c'])
      await forum.call(
        testViewer('citizen', { id: voter }),
        'mutation($id: ID!) { voteThread(id: $id) { id } }',
        { id },
      );
    // What a lost race looks like: the stored key lags the votes.
    await forum.models.threads.updateOne({ _id: id }, { $set: { voteCount: 1 } });
    const run = forumMaintenanceProcessor({ models: forum.models, logger });
    expect(await run({ task: 'reconcile-votes' })).toBe(1);
    expect((await forum.models.threads.findById(id).lean())!.voteCount).toBe(3);
    expect(await run({ task: 'reconcile-votes' })).toBe(0);
  });

  it('drops expired duplicate-post claims only', async () => {
    const now = new Date();
    await forum.models.fingerprints.create([
      { _id: 'old', expiresAt: new Date(now.getTime() - 1000) },
      { _id: 'live', expiresAt: new Date(now.getTime() + 3_600_000) },
    ]);
    const run = forumMaintenanceProcessor({ models: forum.models, logger, now: () => now });
    expect(await run({ task: 'cleanup-fingerprints' })).toBe(1);
    expect(await forum.models.fingerprints.findById('live').lean()).not.toBeNull();
    await expect(run({ task: 'nonsense' })).rejects.toThrow(/unknown maintenance task/);
  });
});
