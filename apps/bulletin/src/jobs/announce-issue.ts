import type { Types } from 'mongoose';
import { insertOnce } from '@portal/db';
import type { Logger } from '@portal/logger';
import type { Producer } from '@portal/queue';
import { articleUrl, audioUrl, issueUrl, type LinkBase } from '../domain/links';
import { announcementJobId, announcementNotificationId, webhookJobId } from '../domain/publish-job';
import type { BulletinIssueRecord, BulletinModels, FanoutBatchRecord } from '../models';
import { unsubscribeLink } from '../services/subscription-service';

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
  const audio = audioUrl(deps.links, issue.readAloud?.audioFile ?? null);
  const url = issueUrl(deps.links, issue);

  await deps.notifications.enqueue(
    {
      kind: 'webhook',
      notificationId: `bulletin.published.${issueId}`,
      event: 'bulletin.published',
      payload: {
        id: issueId,
        number: issue.number,
        year: issue.year,
        month: issue.month,
        title: issue.title,
        url,
        audioUrl: audio,
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
  const recipientsIn = (batch: FanoutBatchRecord) =>
    subscribers
      .find(
        {
          ...eligible,
          _id: batch.afterId ? { $gt: batch.afterId, $lte: batch.lastId } : { $lte: batch.lastId },
        },
        { _id: 1, email: 1 },
      )
      .sort({ _id: 1 })
      .limit(1000)
      .lean();
  let afterId: string | null = null;
  let recipients = 0;
  let index = 0;
  for (; ; index++) {
    const batchId = `${issueId}.${index}`;
    const jobKey = announcementJobId(issueId, index);
    let batch: FanoutBatchRecord | null = await fanoutBatches.findById(batchId).lean();
    let people: { _id: Types.ObjectId; email: string }[];
    if (batch) {
      // Re-run: a batch whose job is already queued needs nothing more.
      if (await deps.notifications.queue.getJob(jobKey)) {
        afterId = batch.lastId;
        continue;
      }
      people = await recipientsIn(batch);
    } else {
      people = await subscribers
        .find({ ...eligible, ...(afterId ? { _id: { $gt: afterId } } : {}) }, { _id: 1, email: 1 })
        .sort({ _id: 1 })
        .limit(deps.batchSize)
        .lean();
      if (people.length === 0) break;
      const claim: FanoutBatchRecord = {
        _id: batchId,
        issueId,
        index,
        afterId,
        lastId: people.at(-1)!._id.toHexString(),
        createdAt: new Date(),
      };
      if (
        await insertOnce(fanoutBatches, { ...claim } as FanoutBatchRecord & Record<string, unknown>)
      ) {
        batch = claim;
      } else {
        // A concurrent run claimed this batch first: its range is the one to send.
        batch = await fanoutBatches.findById(batchId).lean();
        if (!batch) throw new Error(`fan-out batch ${batchId} vanished`);
        people = await recipientsIn(batch);
      }
    }
    if (people.length > 0) {
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
              number: issue.number,
              year: issue.year,
              month: issue.month,
              title: issue.title,
              url,
              audioUrl: audio,
              highlights,
            },
          },
        },
        { jobId: jobKey },
      );
      recipients += people.length;
    }
    afterId = batch.lastId;
  }
  log.info({ batches: index, recipients }, 'issue announced to subscribers and partners');
  return { batches: index, recipients };
}
