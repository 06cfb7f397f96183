import type { Job } from 'bullmq';
import type { Logger } from '@portal/logger';
import type { PayloadOf, Producer } from '@portal/queue';
import type { RenderResult } from '../audio/speech-renderer';
import type { ContentArticles } from '../content/content-articles';
import { decidePublish } from '../domain/issue-rules';
import { groupIntoSections } from '../domain/issue-sections';
import { publishedContents, readAloudRecord } from '../domain/read-aloud-text';
import type { LinkBase } from '../domain/links';
import type { BulletinIssueRecord, BulletinModels, PublicationRecord } from '../models';
import { announceIssue } from './announce-issue';

export interface PublishProcessorDeps {
  models: BulletinModels;
  content: ContentArticles;
  /** Speaks the text into `<audio dir>/<fileName>`; never throws. */
  renderSpeech: (text: string, fileName: string) => Promise<RenderResult>;
  notifications: Producer<'notifications'>;
  links: LinkBase;
  tokenSecret: string;
  batchSize: number;
  logger: Logger;
  now?: () => Date;
}

export type PublishOutcome =
  | { outcome: 'skipped'; reason: string }
  | { outcome: 'published' | 'resumed'; audio: boolean; announced: boolean };

/**
 * The `bulletin-publish` job: publishes an issue at its scheduled time, idempotently.
 *
 * 1. Checks the job still applies (a rescheduled or unscheduled issue ignores old jobs).
 * 2. Asks content which items' articles are still published, drops the others (logged),
 *    builds the read-aloud text, and flips the issue to PUBLISHED with a conditional update
 *    so a duplicate run changes nothing.
 * 3. Renders the audio (optional: publishing never fails for it).
 * 4. Announces the issue to partners and confirmed subscribers.
 *
 * Steps 3 and 4 record completion on the issue; a run that finds the issue published
 * finishes whatever an interrupted run left undone, and otherwise returns quietly.
 */
export function createBulletinPublishProcessor(deps: PublishProcessorDeps) {
  const { issues, items } = deps.models;
  const now = deps.now ?? (() => new Date());

  async function publish(issue: BulletinIssueRecord, log: Logger): Promise<boolean> {
    const all = await items.find({ issueId: issue._id, droppedAt: null }).lean();
    // Content down: throw, and the job retries with backoff; nothing has changed yet.
    const published = await deps.content.findPublished(all.map((i) => i.articleId));
    const dropped = all.filter((i) => !published.has(i.articleId));
    for (const item of dropped)
      log.warn(
        { articleId: item.articleId, itemId: item._id.toHexString() },
        'article is no longer published; item dropped from the issue',
      );
    const at = now();
    if (dropped.length)
      await items.updateMany(
        { _id: { $in: dropped.map((i) => i._id) } },
        { $set: { droppedAt: at } },
      );
    const live = all.filter((i) => published.has(i.articleId));
    const { text, highlights } = publishedContents(issue, groupIntoSections(live), published);
    const publication: PublicationRecord = {
      audioDoneAt: null,
      notifiedAt: null,
      droppedItems: dropped.length,
      highlights,
    };
    const result = await issues.updateOne(
      { _id: issue._id, status: 'SCHEDULED', scheduledAt: issue.scheduledAt },
      {
        $set: {
          status: 'PUBLISHED',
          publishedAt: at,
          updatedAt: at,
          readAloud: readAloudRecord(text),
          publication,
        },
        $inc: { version: 1 },
      },
    );
    return result.matchedCount === 1;
  }

  async function renderAudio(issue: BulletinIssueRecord, log: Logger): Promise<boolean> {
    const issueId = issue._id.toHexString();
    const result = await deps.renderSpeech(issue.readAloud?.text ?? '', `${issueId}.mp3`);
    if (!result.ok)
      log.warn(
        { reason: result.reason },
        'read-aloud audio not rendered; the issue is published without audio',
      );
    await issues.updateOne(
      { _id: issue._id },
      {
        $set: result.ok
          ? {
              'readAloud.audioFile': result.file,
              'readAloud.durationSeconds': result.durationSeconds,
              'readAloud.audioError': null,
              'publication.audioDoneAt': now(),
            }
          : { 'readAloud.audioError': result.reason, 'publication.audioDoneAt': now() },
      },
    );
    return result.ok;
  }

  return async function processBulletinPublish(
    payload: PayloadOf<'bulletin-publish'>,
    job: Job,
  ): Promise<PublishOutcome> {
    const log = deps.logger.child({ issueId: payload.issueId, jobId: job.id });
    let issue = await issues.findById(payload.issueId).lean();
    const decision = decidePublish(issue, payload.scheduledAt);
    if (decision.action === 'skip') {
      log.info({ reason: decision.reason }, 'publish job no longer applies');
      return { outcome: 'skipped', reason: decision.reason };
    }
    if (decision.action === 'publish' && !(await publish(issue!, log))) {
      log.info('issue changed while publishing; job no longer applies');
      return { outcome: 'skipped', reason: 'issue changed meanwhile' };
    }
    if (decision.action === 'publish') log.info('issue published');

    issue = (await issues.findById(payload.issueId).lean())!;
    let audio = Boolean(issue.readAloud?.audioFile);
    let announced = false;
    if (!issue.publication?.audioDoneAt) {
      audio = await renderAudio(issue, log);
      issue = (await issues.findById(payload.issueId).lean())!;
    }
    if (!issue.publication?.notifiedAt) {
      await announceIssue(issue, deps);
      await issues.updateOne({ _id: issue._id }, { $set: { 'publication.notifiedAt': now() } });
      announced = true;
    }
    return {
      outcome: decision.action === 'publish' ? 'published' : 'resumed',
      audio,
      announced,
    };
  };
}
