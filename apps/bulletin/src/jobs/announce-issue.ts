import type { Types } from 'mongoose';
import { insertOnce } from '@portal/db';
import type { Logger } from '@portal/logger';
import type { Producer } from '@portal/queue';
import { articleUrl, audioUrl, issueUrl, type LinkBase } from '../domain/links';
import { announcementJobId, announcementNotificationId, webhookJobId } from '../domain/publish-job';
import type { BulletinIssueRecord, BulletinModels, FanoutBatchRecord } from '../models';
import { unsubscribeLink } from '../services/subscription.service';

export interface AnnounceDeps {
  models: BulletinModels;
  notifications: Producer<'notifications'>;
  links: LinkBase;
  tokenSecret: string;
  batchSize: number;
  logger: Logger;
}

/**
 * Tells partners (one webhook event) and confirmed subscribers (one e-mail job per batch
 * of recipients) that an issue is out. Safe to run again: each batch's range of
 * subscribers is recorded under a unique key before its job is enqueued under a
 * deterministic id, so a re-run re-sends the same ranges under the same ids, adding none.
 */
export async function announceIssue(
  issue: BulletinIssueRecord,
  deps: AnnounceDeps,
): Promise<{ batches: number; recipients: number }> {
  const issueId = issue._id.toHexString();
  const log = deps.logger.child({ issueId });
  const { subscribers, fanoutBatches } = deps.models;
  // What both the webhook and the e-mail say about the issue.
  const summary = {
    number: issue.number,
    year: issue.year,
    month: issue.month,
    title: issue.title,
    url: issueUrl(deps.links, issue),
    audioUrl: audioUrl(deps.links, issue.readAloud?.audioFile ?? null),
  };

  await deps.notifications.enqueue(
    {
      kind: 'webhook',
      notificationId: `bulletin.published.${issueId}`,
      event: 'bulletin.published',
      payload: {
        id: issueId,
        ...summary,
        publishedAt: issue.publishedAt?.toISOString() ?? null,
      },
    },
    { jobId: webhookJobId(issueId) },
  );

  // Subscribers confirmed by the time the issue went out; later ones get the next issue.
  const eligible = { status: 'CONFIRMED', confirmedAt: { $lte: issue.publishedAt } };
  const highlights = (issue.publication?.highlights ?? []).slice(0, 50).map((h) => ({
    title: h.title,
    url: articleUrl(deps.links, { slug: h.slug, id: h.articleId }),
  }));
  type Person = { _id: Types.ObjectId; email: string };

  async function send(index: number, people: Person[]): Promise<void> {
    if (people.length === 0) return;
    await deps.notifications.enqueue(
      {
        kind: 'email',
        notificationId: announcementNotificationId(issueId),
        recipients: await Promise.all(
          people.map(async (p) => ({
            id: p._id.toHexString(),
            email: p.email,
            unsubscribeUrl: await unsubscribeLink(
              deps.links,
              p._id.toHexString(),
              deps.tokenSecret,
            ),
          })),
        ),
        message: {
          template: 'bulletin.issue-published',
          data: {
            issueId,
            ...summary,
            highlights,
          },
        },
      },
      { jobId: announcementJobId(issueId, index) },
    );
  }

  // Batches an earlier run recorded: re-send only those whose job is not queued any more.
  const claimed = await fanoutBatches.find({ issueId }).sort({ index: 1 }).lean();
  let recipients = 0;
  for (const batch of claimed) {
    if (await deps.notifications.queue.getJob(announcementJobId(issueId, batch.index))) continue;
    const people = await subscribers
      .find(
        {
          ...eligible,
          _id: batch.afterId ? { $gt: batch.afterId, $lte: batch.lastId } : { $lte: batch.lastId },
        },
        { _id: 1, email: 1 },
      )
      .sort({ _id: 1 })
      .lean();
    await send(batch.index, people);
    recipients += people.length;
  }

  // The rest in one pass over the subscribers (one query, not one per batch), cut into
  // batches that are each recorded before their job is enqueued.
  let afterId = claimed.at(-1)?.lastId ?? null;
  let index = claimed.length;
  let pending: Person[] = [];
  const flush = async () => {
    const claim: FanoutBatchRecord = {
      _id: `${issueId}.${index}`,
      issueId,
      index,
      afterId,
      lastId: pending.at(-1)!._id.toHexString(),
      createdAt: new Date(),
    };
    if (
      !(await insertOnce(fanoutBatches, { ...claim } as FanoutBatchRecord &
        Record<string, unknown>))
    )
      // Another run is announcing this issue at the same moment: let this job retry and follow its record.
      throw new Error(`fan-out batch ${claim._id} was claimed by a concurrent run`);
    await send(index, pending);
    recipients += pending.length;
    afterId = claim.lastId;
    index++;
    pending = [];
  };
  const cursor = subscribers
    .find({ ...eligible, ...(afterId ? { _id: { $gt: afterId } } : {}) }, { _id: 1, email: 1 })
    .sort({ _id: 1 })
    .lean()
    .cursor({ batchSize: 1000 });
  for await (const person of cursor) {
    pending.push(person as Person);
    if (pending.length >= deps.batchSize) await flush();
  }
  if (pending.length) await flush();
  log.info({ batches: index, recipients }, 'issue announced to subscribers and partners');
  return { batches: index, recipients };
}
