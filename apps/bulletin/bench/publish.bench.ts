// Benchmark of the bulletin's heavy publish steps, on a real FerretDB and Redis it starts:
// the announcement fan-out to N confirmed subscribers and the read-aloud audio rendering.
//   npx tsx apps/bulletin/bench/publish.bench.ts [subscribers=10000] [batchSize=500]
import mongoose, { Types } from 'mongoose';
import { createLogger } from '@portal/logger';
import { Producer, createRedisConnection } from '@portal/queue';
import { benchServices, reportBenchmark } from '@portal/testing/bench';
import { renderSpeech } from '../src/audio/speech-renderer';
import { buildReadAloudText } from '../src/domain/read-aloud-text';
import { announceIssue } from '../src/jobs/announce-issue';
import { bulletinModels } from '../src/models';

const subscriberCount = Number(process.argv[2] ?? 10_000);
const batchSize = Number(process.argv[3] ?? 500);
const say = (line: string) => process.stdout.write(`${line}\n`);
const services = await benchServices('bulletin');
const dir = services.scratch;
const conn = await mongoose
  .createConnection(services.mongoUri, { dbName: `bench_bulletin_${Date.now()}` })
  .asPromise();
const redis = createRedisConnection(services.redisUrl, 'producer');
const notifications = new Producer('notifications', redis, 'bench');
const logger = createLogger({ service: 'bulletin-bench', level: 'warn', pretty: false });
try {
  const models = await bulletinModels.prepare(conn);
  const long = new Date(Date.now() - 86_400_000);
  let t = performance.now();
  for (let i = 0; i < subscriberCount; i += 2000) {
    const docs = Array.from({ length: Math.min(2000, subscriberCount - i) }, (_, k) => ({
      _id: new Types.ObjectId(),
      email: `subscriber-${i + k}@example.vn`,
      status: 'CONFIRMED',
      nonce: 'n',
      createdAt: long,
      updatedAt: long,
      confirmedAt: long,
      unsubscribedAt: null,
    }));
    await models.subscribers.insertMany(docs, { ordered: false, lean: true });
  }
  say(`insert ${subscriberCount} subscribers: ${(performance.now() - t).toFixed(0)} ms`);

  const issue = await models.issues.create({
    number: 1,
    year: 2025,
    month: 11,
    title: 'Bản tin đo hiệu năng',
    editorial: null,
    status: 'PUBLISHED',
    scheduledAt: new Date(),
    publishedAt: new Date(),
    readAloud: null,
    publication: { audioDoneAt: new Date(), notifiedAt: null, droppedItems: 0, highlights: [] },
    version: 1,
    createdBy: 'bench',
    createdAt: new Date(),
    updatedAt: new Date(),
  });
  const announce = () =>
    announceIssue(issue.toObject(), {
      models,
      notifications,
      links: { publicBaseUrl: 'https://api.cds.example.vn', webBaseUrl: 'https://cds.example.vn' },
      tokenSecret: 'b'.repeat(40),
      batchSize,
      logger,
    });
  const heapBefore = process.memoryUsage().heapUsed;
  t = performance.now();
  const result = await announce();
  const ms = performance.now() - t;
  reportBenchmark({
    name: 'bulletin announcement to subscribers',
    value: result.recipients / (ms / 1000),
    unit: 'recipients/s',
    better: 'higher',
    detail: `${result.recipients} recipients in ${result.batches} notification jobs`,
  });
  say(
    `announce: ${result.recipients} recipients in ${result.batches} jobs, ${ms.toFixed(0)} ms ` +
      `(${Math.round(result.recipients / (ms / 1000))} recipients/s), heap +${((process.memoryUsage().heapUsed - heapBefore) / 1e6).toFixed(1)} MB, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
  );
  t = performance.now();
  await announce();
  say(`announce again (nothing to add): ${(performance.now() - t).toFixed(0)} ms`);

  const text = buildReadAloudText({
    number: 12,
    year: 2025,
    month: 11,
    title: 'Bản tin Chuyển đổi số tháng 11 năm 2025',
    editorial:
      '<p>Kính gửi quý lãnh đạo các sở, ban, ngành.</p><p>Tháng này Thành phố tiếp tục đẩy mạnh chuyển đổi số trong cải cách hành chính, phát triển kinh tế số và xã hội số.</p>',
    sections: ['Chỉ đạo, điều hành', 'Hoạt động nổi bật', 'Cẩm nang'].map((title, s) => ({
      title,
      items: Array.from({ length: 4 }, (_, k) => ({
        title: `Bài viết số ${s * 4 + k + 1} về chuyển đổi số của Thành phố`,
        summary:
          'Thành phố Hồ Chí Minh triển khai nền tảng dữ liệu dùng chung, giúp người dân và doanh nghiệp thực hiện thủ tục hành chính nhanh hơn.',
        note: null,
      })),
    })),
  });
  t = performance.now();
  const audio = await renderSpeech(text, 'bench.mp3', {
    engine: 'espeak-ng',
    voice: 'vi-vn-x-south',
    wordsPerMinute: 150,
    encoder: 'lame',
    bitrateKbps: 48,
    dir,
  });
  const renderMs = performance.now() - t;
  if (audio.ok)
    reportBenchmark({
      name: 'bulletin read-aloud rendering speed',
      value: audio.durationSeconds / (renderMs / 1000),
      unit: '× real time',
      better: 'higher',
      detail: `${text.length} characters, ${audio.durationSeconds.toFixed(0)} s of speech`,
    });
  say(
    audio.ok
      ? `audio: ${text.length} characters → ${audio.durationSeconds.toFixed(1)} s of speech in ${renderMs.toFixed(0)} ms (${(audio.durationSeconds / (renderMs / 1000)).toFixed(0)}× real time)`
      : `audio: not rendered (${audio.reason})`,
  );
} finally {
  await notifications.close();
  redis.disconnect();
  await conn.dropDatabase();
  await conn.close();
  await services.stop();
}
