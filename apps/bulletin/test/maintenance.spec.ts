import { describe, expect, it } from 'vitest';
import { createBulletinMaintenanceProcessor } from '../src/jobs/bulletin-maintenance.processor';
import { issueWithItems, useBulletin } from './support/harness';

const b = useBulletin('maintenance');

// A fixed clock: both sweeps fall in the same ten-minute window.
const now = new Date();
const maintenance = () =>
  createBulletinMaintenanceProcessor({
    models: b.models,
    publishProducer: b.publishProducer,
    logger: b.logger,
    now: () => now,
  });

describe('bulletin maintenance', () => {
  it('re-enqueues a publication whose job was lost, once per sweep window', async () => {
    const { id } = await issueWithItems(b, 2025, 4, { Tin: [{ title: 'Bài bị quên' }] });
    const due = new Date(Date.now() - 10 * 60_000);
    // SCHEDULED in the database but no job anywhere (e.g. Redis lost its data).
    await b.models.issues.updateOne(
      { _id: id },
      { $set: { status: 'SCHEDULED', scheduledAt: due } },
    );
    const future = await issueWithItems(b, 2025, 5, { Tin: [{ title: 'Bài tương lai' }] });
    await b.models.issues.updateOne(
      { _id: future.id },
      { $set: { status: 'SCHEDULED', scheduledAt: new Date(Date.now() + 3600_000) } },
    );

    const run = maintenance();
    expect(await run({ task: 'publish-overdue' })).toEqual({ task: 'publish-overdue', count: 1 });
    await run({ task: 'publish-overdue' });
    const jobs = (await b.publishProducer.queue.getJobs(['waiting', 'delayed'])).filter(
      (j) => j.data.issueId === id,
    );
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.data).toEqual({ issueId: id, scheduledAt: due.toISOString() });

    // The job it enqueued publishes the issue.
    expect(await b.process(jobs[0]!.data)).toMatchObject({ outcome: 'published' });
    expect(await run({ task: 'publish-overdue' })).toEqual({ task: 'publish-overdue', count: 0 });
  });

  it('forgets addresses that never confirmed after 30 days', async () => {
    const old = new Date(Date.now() - 31 * 24 * 3600_000);
    const base = { nonce: 'n', confirmedAt: null, unsubscribedAt: null, createdAt: old };
    await b.models.subscribers.create([
      { ...base, email: 'cu@example.vn', status: 'PENDING', updatedAt: old },
      { ...base, email: 'moi@example.vn', status: 'PENDING', updatedAt: new Date() },
      {
        ...base,
        email: 'da-xac-nhan@example.vn',
        status: 'CONFIRMED',
        updatedAt: old,
        confirmedAt: old,
      },
    ]);
    expect(await maintenance()({ task: 'purge-unconfirmed' })).toEqual({
      task: 'purge-unconfirmed',
      count: 1,
    });
    expect(
      (await b.models.subscribers.find({}, { email: 1 }).lean()).map((s) => s.email).sort(),
    ).toEqual(['da-xac-nhan@example.vn', 'moi@example.vn']);
  });
});
