import { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifySubscriptionToken } from '../src/domain/subscription-token';
import {
  PUBLIC_BASE_URL,
  WEB_BASE_URL,
  SUBSCRIPTION_SECRET,
  issueWithItems,
  useBulletin,
} from './support/harness';

const b = useBulletin('fanout', { batchSize: 500 });
const CONFIRMED = 10_000;

let issueId: string;
let scheduledAt: Date;

beforeAll(async () => {
  const long = new Date(Date.now() - 24 * 3600_000);
  const docs = Array.from({ length: CONFIRMED + 300 }, (_, i) => {
    const status = i < CONFIRMED ? 'CONFIRMED' : i % 2 ? 'PENDING' : 'UNSUBSCRIBED';
    return {
      _id: new Types.ObjectId(),
      email: `lanh-dao-${i}@so-ban-nganh.example.vn`,
      status,
      nonce: `n${i}`,
      createdAt: long,
      updatedAt: long,
      confirmedAt: status === 'CONFIRMED' ? long : null,
      unsubscribedAt: status === 'UNSUBSCRIBED' ? long : null,
    };
  });
  // One bulk insert per 2000 documents keeps the seed fast on FerretDB.
  for (let i = 0; i < docs.length; i += 2000)
    await b.models.subscribers.insertMany(docs.slice(i, i + 2000), { ordered: false, lean: true });
  const issue = await issueWithItems(b, 2025, 12, {
    'Nổi bật': [{ title: 'Thành phố ra mắt nền tảng dữ liệu mở', summary: 'Tóm tắt ngắn.' }],
  });
  issueId = issue.id;
  scheduledAt = new Date();
  await b.models.issues.updateOne({ _id: issueId }, { $set: { status: 'SCHEDULED', scheduledAt } });
}, 180_000);

async function announcementJobs() {
  const jobs = await b.notificationJobs();
  return {
    mails: jobs.filter((j) => j.data.notificationId === `bulletin-issue.${issueId}`),
    webhooks: jobs.filter((j) => j.data.kind === 'webhook'),
  };
}

describe('fan-out to subscribers', () => {
  it('sends one e-mail job per batch of 500, covering every confirmed subscriber once', async () => {
    const result = await b.process({ issueId, scheduledAt: scheduledAt.toISOString() });
    expect(result).toMatchObject({ outcome: 'published', announced: true });

    const { mails, webhooks } = await announcementJobs();
    expect(mails).toHaveLength(CONFIRMED / 500);
    expect(mails.map((j) => j.id).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `bulletin-issue.${issueId}.batch.${i}`).sort(),
    );
    const recipients = mails.flatMap(
      (j) => j.data.recipients as { id: string; email: string; unsubscribeUrl: string }[],
    );
    expect(recipients).toHaveLength(CONFIRMED);
    expect(new Set(recipients.map((r) => r.email)).size).toBe(CONFIRMED);
    const confirmed = await b.models.subscribers.find({ status: 'CONFIRMED' }, { email: 1 }).lean();
    expect(new Set(recipients.map((r) => r.email))).toEqual(new Set(confirmed.map((s) => s.email)));

    // Every mail carries the issue and a working unsubscribe link for its recipient.
    const sample = recipients[1234]!;
    expect(
      sample.unsubscribeUrl.startsWith(
        `${PUBLIC_BASE_URL}/bulletin/subscriptions/unsubscribe?token=`,
      ),
    ).toBe(true);
    const token = new URL(sample.unsubscribeUrl).searchParams.get('token')!;
    expect(await verifySubscriptionToken('unsubscribe', token, SUBSCRIPTION_SECRET)).toMatchObject({
      ok: true,
      claims: { subscriberId: sample.id },
    });
    expect(mails[0]!.data.message).toMatchObject({
      template: 'bulletin.issue-published',
      data: {
        issueId,
        year: 2025,
        month: 12,
        url: `${WEB_BASE_URL}/ban-tin/2025/12`,
        highlights: [
          {
            title: 'Thành phố ra mắt nền tảng dữ liệu mở',
            url: expect.stringMatching(/^https:\/\/cds\.example\.vn\/bai-viet\//),
          },
        ],
      },
    });
    expect(webhooks).toHaveLength(1);
    expect(webhooks[0]!.data).toMatchObject({
      event: 'bulletin.published',
      payload: { id: issueId, year: 2025, month: 12 },
    });
    // Bulk work on a shared machine: a generous limit, not a speed target (see the benchmark).
  }, 120_000);

  it('adds no job when run again, even after an interrupted announcement', async () => {
    expect(await b.process({ issueId, scheduledAt: scheduledAt.toISOString() })).toMatchObject({
      outcome: 'resumed',
      announced: false,
    });
    // As if the worker died after enqueueing the batches but before recording it.
    await b.models.issues.updateOne({ _id: issueId }, { $set: { 'publication.notifiedAt': null } });
    // Meanwhile one subscriber left and a new one confirmed: neither changes the batches.
    await b.models.subscribers.updateOne(
      { status: 'CONFIRMED' },
      { $set: { status: 'UNSUBSCRIBED' } },
    );
    await b.models.subscribers.create({
      email: 'moi@example.vn',
      status: 'CONFIRMED',
      nonce: 'x',
      createdAt: new Date(),
      updatedAt: new Date(),
      confirmedAt: new Date(),
      unsubscribedAt: null,
    });
    expect(await b.process({ issueId, scheduledAt: scheduledAt.toISOString() })).toMatchObject({
      outcome: 'resumed',
      announced: true,
    });
    const { mails, webhooks } = await announcementJobs();
    expect(mails).toHaveLength(20);
    expect(webhooks).toHaveLength(1);
    expect(mails.flatMap((j) => j.data.recipients)).toHaveLength(CONFIRMED);
    expect(await b.models.fanoutBatches.countDocuments({ issueId })).toBe(20);
  });

  it('re-sends a recorded batch whose job is gone, to the same recipients under the same id', async () => {
    const { mails } = await announcementJobs();
    const lost = mails.find((j) => j.id === `bulletin-issue.${issueId}.batch.7`)!;
    const before = lost.data.recipients.map((r: { id: string }) => r.id);
    await lost.remove();
    await b.models.issues.updateOne({ _id: issueId }, { $set: { 'publication.notifiedAt': null } });
    await b.process({ issueId, scheduledAt: scheduledAt.toISOString() });
    const again = (await announcementJobs()).mails;
    expect(again).toHaveLength(20);
    const resent = again.find((j) => j.id === `bulletin-issue.${issueId}.batch.7`)!;
    // The same range, less whoever unsubscribed meanwhile.
    const after = resent.data.recipients.map((r: { id: string }) => r.id);
    expect(after.every((id: string) => before.includes(id))).toBe(true);
    expect(before.length - after.length).toBeLessThanOrEqual(1);
  });
});
