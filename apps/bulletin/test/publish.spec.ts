import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishGraphChangesOf } from '@portal/queue';
import { TEST_INTERNAL_SECRET, errorCodes, waitUntil, fetchAsGateway } from '@portal/testing';
import { renderSpeech } from '../src/audio/speech-renderer';
import { createContentArticles } from '../src/content/content-articles';
import { createBulletinPublishProcessor } from '../src/jobs/bulletin-publish.processor';
import { publishJobId } from '../src/domain/publish-job';
import {
  CREATE_ISSUE,
  PUBLIC_BASE_URL,
  WEB_BASE_URL,
  PUBLISH_NOW,
  SCHEDULE,
  issueWithItems,
  useBulletin,
} from './support/harness';

const b = useBulletin('publish', { worker: true });

const LATEST = /* GraphQL */ `
  query LatestBulletin {
    latestBulletinIssue {
      id
      number
      year
      month
      title
      editorial
      publishedAt
      readAloud {
        text
        audioUrl
        durationSeconds
        language
      }
      sections {
        title
        items {
          note
          article {
            id
          }
        }
      }
    }
  }
`;

const published = (id: string) =>
  waitUntil(
    async () => {
      const issue = await b.models.issues.findById(id).lean();
      return issue?.status === 'PUBLISHED' && issue.publication?.notifiedAt ? issue : null;
    },
    { what: `issue ${id} to be published`, timeoutMs: 60_000 },
  );

describe('publishing', () => {
  it('publishes a scheduled issue at its time, with read-aloud text and audio', async () => {
    const { id, articleIds } = await issueWithItems(b, 2025, 11, {
      'Chính sách': [
        {
          title: 'Nghị quyết về dữ liệu',
          summary: 'Thành phố ban hành nghị quyết.',
          note: 'Đáng chú ý',
        },
        { title: 'Kế hoạch năm 2026' },
      ],
      'Sự kiện': [{ title: 'Hội thảo trí tuệ nhân tạo', summary: 'Diễn ra tại Thủ Đức.' }],
    });
    const at = new Date(Date.now() + 1500);
    const scheduled = await b.as('editor', SCHEDULE, { variables: { id, at: at.toISOString() } });
    expect(scheduled.data!.scheduleBulletinIssue).toEqual({
      id,
      status: 'SCHEDULED',
      scheduledAt: at.toISOString(),
    });
    expect(
      (await b.as('anonymous', `{ latestBulletinIssue { id } }`)).data!.latestBulletinIssue,
    ).toBeNull();

    const issue = await published(id);
    // Not before its time: the job was delayed until scheduledAt.
    expect(issue.publishedAt!.getTime()).toBeGreaterThanOrEqual(at.getTime());

    const res = await b.as('anonymous', LATEST);
    const latest = res.data!.latestBulletinIssue;
    expect(latest).toMatchObject({ id, year: 2025, month: 11, editorial: '<p>Lời mở đầu.</p>' });
    expect(latest.sections).toEqual([
      {
        title: 'Chính sách',
        items: [
          { note: 'Đáng chú ý', article: { id: articleIds[0] } },
          { note: null, article: { id: articleIds[1] } },
        ],
      },
      { title: 'Sự kiện', items: [{ note: null, article: { id: articleIds[2] } }] },
    ]);
    const { text, audioUrl, durationSeconds, language } = latest.readAloud;
    expect(language).toBe('vi');
    const order = [
      'Lời mở đầu',
      'Chuyên mục: Chính sách',
      'Nghị quyết về dữ liệu',
      'Thành phố ban hành',
      'Đáng chú ý',
      'Kế hoạch năm 2026',
      'Chuyên mục: Sự kiện',
      'Hội thảo trí tuệ nhân tạo',
    ];
    const positions = order.map((part) => text.indexOf(part));
    expect(positions.every((p: number) => p >= 0)).toBe(true);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);

    // Audio by the real engine: an MP3 whose measured duration is reported.
    expect(audioUrl).toBe(`${PUBLIC_BASE_URL}/audio/${id}.mp3`);
    expect(durationSeconds).toBeGreaterThan(5);
    const file = await readFile(join(b.audioDir, `${id}.mp3`));
    expect(file[0] === 0xff || file.subarray(0, 3).toString() === 'ID3').toBe(true);
    // Roughly 32 kbit/s × duration: the duration comes from the file, not a guess.
    expect(Math.abs(file.length / 4000 - durationSeconds)).toBeLessThan(3);

    const whole = await fetchAsGateway(`${b.url}/audio/${id}.mp3`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/mpeg');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await whole.arrayBuffer()).equals(file)).toBe(true);
    const part = await fetchAsGateway(`${b.url}/audio/${id}.mp3`, {
      headers: { range: 'bytes=100-199' },
    });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${file.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(file.subarray(100, 200))).toBe(true);
    const beyond = await fetchAsGateway(`${b.url}/audio/${id}.mp3`, {
      headers: { range: `bytes=${file.length + 10}-` },
    });
    expect(beyond.status).toBe(416);
    expect((await fetchAsGateway(`${b.url}/audio/${id}`)).status).toBe(200);
    expect((await fetchAsGateway(`${b.url}/audio/${'0'.repeat(24)}.mp3`)).status).toBe(404);
    expect((await fetchAsGateway(`${b.url}/audio/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);

    // Announced once: the partners' webhook and one e-mail batch job (no subscribers → no batch).
    const jobs = await b.notificationJobs();
    expect(jobs.filter((j) => j.data.notificationId === `bulletin.published.${id}`)).toHaveLength(
      1,
    );
  });

  it('publishes once even when the job is delivered twice', async () => {
    const { id } = await issueWithItems(b, 2025, 10, { Tin: [{ title: 'Một bài duy nhất' }] });
    await b.models.subscribers.create({
      email: 'lanh.dao@example.vn',
      status: 'CONFIRMED',
      nonce: 'n',
      createdAt: new Date(Date.now() - 60_000),
      updatedAt: new Date(),
      confirmedAt: new Date(Date.now() - 60_000),
      unsubscribedAt: null,
    });
    const res = await b.as('editor', PUBLISH_NOW, { variables: { id } });
    // Answered as the issue stands once its job is queued: SCHEDULED, or PUBLISHED when the
    // worker ran the job first (seen on a busy machine).
    expect(res.data!.publishBulletinIssueNow).toEqual({
      id,
      status: expect.stringMatching(/^(SCHEDULED|PUBLISHED)$/),
    });
    const first = await published(id);

    // The same job again, as a redelivery would bring it (a different job id, same payload).
    const payload = { issueId: id, scheduledAt: first.scheduledAt!.toISOString() };
    const dup = await b.publishProducer.queue.add('bulletin-publish', payload, {
      jobId: `dup.${id}`,
    });
    await waitUntil(async () => (await dup.getState()) === 'completed', { what: 'duplicate job' });
    expect(await b.process(payload)).toEqual({ outcome: 'resumed', audio: true, announced: false });

    const after = (await b.models.issues.findById(id).lean())!;
    expect(after.publishedAt).toEqual(first.publishedAt);
    expect(after.version).toBe(first.version);
    const mails = (await b.notificationJobs()).filter(
      (j) => j.data.notificationId === `bulletin-issue.${id}`,
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.data.recipients.map((r: { email: string }) => r.email)).toEqual([
      'lanh.dao@example.vn',
    ]);
  });

  it('replaces the job when rescheduled, and ignores a job for an old time', async () => {
    const { id } = await issueWithItems(b, 2025, 9, { Tin: [{ title: 'Bài tháng chín' }] });
    const first = new Date(Date.now() + 3600_000);
    const second = new Date(Date.now() + 7200_000);
    await b.as('editor', SCHEDULE, { variables: { id, at: first.toISOString() } });
    await b.as('editor', SCHEDULE, { variables: { id, at: second.toISOString() } });
    const delayed = (await b.publishProducer.queue.getDelayed()).filter(
      (j) => j.data.issueId === id,
    );
    expect(delayed.map((j) => j.id)).toEqual([publishJobId(id, second)]);
    expect(delayed[0]!.delay).toBeGreaterThan(3600_000);

    expect(await b.process({ issueId: id, scheduledAt: first.toISOString() })).toEqual({
      outcome: 'skipped',
      reason: 'issue was rescheduled',
    });
    expect((await b.models.issues.findById(id).lean())!.status).toBe('SCHEDULED');

    const unscheduled = await b.as(
      'editor',
      `mutation($id: ID!) { unscheduleBulletinIssue(id: $id) { status scheduledAt } }`,
      {
        variables: { id },
      },
    );
    expect(unscheduled.data!.unscheduleBulletinIssue).toEqual({
      status: 'DRAFT',
      scheduledAt: null,
    });
    expect(
      (await b.publishProducer.queue.getDelayed()).filter((j) => j.data.issueId === id),
    ).toHaveLength(0);
  });

  it('refuses to schedule an empty issue, a past time, or a published issue', async () => {
    const empty = await b.as('editor', CREATE_ISSUE, {
      variables: { input: { year: 2025, month: 8, title: 'Bản tin trống' } },
    });
    const emptyId = empty.data!.createBulletinIssue.id;
    expect(errorCodes(await b.as('editor', PUBLISH_NOW, { variables: { id: emptyId } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const past = await b.as('editor', SCHEDULE, {
      variables: { id: emptyId, at: '2020-01-01T00:00:00Z' },
    });
    expect(errorCodes(past)).toEqual(['BAD_USER_INPUT']);
    expect(past.errors![0]!.extensions!.fields[0].field).toBe('at');

    const latest = (await b.models.issues.findOne({ status: 'PUBLISHED' }).lean())!;
    const again = await b.as('editor', PUBLISH_NOW, {
      variables: { id: latest._id.toHexString() },
    });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
  });

  it('drops items whose articles were archived since, with a logged warning', async () => {
    const { id, articleIds } = await issueWithItems(b, 2025, 7, {
      Tin: [{ title: 'Còn hiệu lực' }, { title: 'Đã lưu trữ' }],
    });
    b.content.setStatus(articleIds[1]!, 'ARCHIVED');
    await b.as('editor', PUBLISH_NOW, { variables: { id } });
    const issue = await published(id);
    expect(issue.publication!.droppedItems).toBe(1);
    expect(issue.readAloud!.text).toContain('Còn hiệu lực');
    expect(issue.readAloud!.text).not.toContain('Đã lưu trữ');
    const res = await b.as(
      'anonymous',
      `query($id: ID) { bulletinIssue(id: $id) { sections { items { article { id } } } } }`,
      {
        variables: { id },
      },
    );
    expect(res.data!.bulletinIssue.sections).toEqual([
      { items: [{ article: { id: articleIds[0] } }] },
    ]);
    expect(b.logs).toContainEqual(
      expect.objectContaining({
        level: 40,
        articleId: articleIds[1],
        msg: expect.stringMatching(/dropped/),
      }),
    );
  });

  it('publishes without audio, saying why, when the speech engine is missing', async () => {
    const { id } = await issueWithItems(b, 2025, 6, { Tin: [{ title: 'Bài không có âm thanh' }] });
    await b.models.issues.updateOne(
      { _id: id },
      { $set: { status: 'SCHEDULED', scheduledAt: new Date() } },
    );
    const issue = (await b.models.issues.findById(id).lean())!;
    const processor = createBulletinPublishProcessor({
      models: b.models,
      content: createContentArticles({
        contentUrl: b.content.url,
        internalTokenSecret: TEST_INTERNAL_SECRET,
        logger: b.logger,
      }),
      renderSpeech: (text, file) =>
        renderSpeech(text, file, { ...b.ttsConfig, engine: '/nonexistent/espeak-ng' }),
      notifications: b.notifications,
      links: { publicBaseUrl: PUBLIC_BASE_URL, webBaseUrl: WEB_BASE_URL },
      tokenSecret: 'x'.repeat(40),
      batchSize: 500,
      logger: b.logger,
    });
    const result = await processor({ issueId: id, scheduledAt: issue.scheduledAt!.toISOString() }, {
      id: 'no-engine',
    } as never);
    expect(result).toEqual({ outcome: 'published', audio: false, announced: true });

    const res = await b.as(
      'anonymous',
      `query($id: ID) { bulletinIssue(id: $id) { status readAloud { text audioUrl durationSeconds } } }`,
      {
        variables: { id },
      },
    );
    expect(res.data!.bulletinIssue).toMatchObject({
      status: 'PUBLISHED',
      readAloud: { audioUrl: null, durationSeconds: null },
    });
    expect(res.data!.bulletinIssue.readAloud.text).toContain('Bài không có âm thanh');
    expect(b.logs).toContainEqual(
      expect.objectContaining({
        issueId: id,
        reason: expect.stringContaining('/nonexistent/espeak-ng" not found'),
        msg: expect.stringMatching(/without audio/),
      }),
    );
  });

  it('answers the latest issue from kept pages: a repeat reads no issue or item, a newer issue shows at once', async () => {
    const publishNow = async (year: number, month: number, title: string) => {
      const { id, articleIds } = await issueWithItems(b, year, month, { Tin: [{ title }] });
      expect((await b.as('editor', PUBLISH_NOW, { variables: { id } })).errors).toBeUndefined();
      await published(id);
      return { id, articleIds };
    };
    // As the service runtime wires it in production (runService): changes published, pages kept.
    publishGraphChangesOf(b.conn, b.redis, b.prefix);
    const latest = async () => (await b.as('anonymous', LATEST)).data!.latestBulletinIssue;
    const reads = () => b.commands.filter((c) => c === 'find issues' || c === 'find items');

    const january = await publishNow(2031, 1, 'Tin tháng một');
    expect((await latest()).id).toBe(january.id);
    await latest(); // the page's and the items' documents, read by id and kept
    b.resetCommands();
    const again = await latest();
    expect(again.sections).toEqual([
      { title: 'Tin', items: [{ note: null, article: { id: january.articleIds[0] } }] },
    ]);
    expect(reads()).toEqual([]);

    // Publishing (by the worker, through the models) changes the issues' lists: read again.
    const february = await publishNow(2031, 2, 'Tin tháng hai');
    const now = await latest();
    expect(now.id).toBe(february.id);
    expect(now.sections).toEqual([
      { title: 'Tin', items: [{ note: null, article: { id: february.articleIds[0] } }] },
    ]);
  });
});
