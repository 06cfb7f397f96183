// Demo data for the content service: categories, 66 Vietnamese articles of every kind and
// scope (most published), their revisions, scheduled jobs and some view statistics. Runs
// once per database (npm start runs it); every write is an upsert by natural key.
import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import { seedOnce, syncIndexes } from '@portal/db';
import { sanitizeRichText } from '@portal/html';
import { createLogger } from '@portal/logger';
import { openSeedConnections } from '@portal/queue';
import { unitByCode } from '@portal/reference-data';
import { plainText, searchTokens, slugify } from '@portal/text';
import { contentFromEnv } from './content-services';
import type { ArticleStatus, DeviceClass, RevisionAction } from './domain/article-enums';
import { tagKey } from './domain/article-input';
import { dayKey } from './domain/view-periods';
import { env } from './env';
import type { ArticleAuthorValue, ArticleDoc } from './models/article.model';
import { syncContributionFacts } from './models/contribution-facts';
import { SEED_ARTICLES, SEED_CATEGORIES, seedBody } from './seed-data';
import { publishJobId } from './domain/publish-job';

const logger = createLogger({
  service: 'content-seed',
  level: env.LOG_LEVEL,
  format: env.LOG_FORMAT,
});

const EDITOR: ArticleAuthorValue = { id: 'seed-editor', displayName: 'Ban Biên tập Cổng CĐS' };
const CONTRIBUTOR: ArticleAuthorValue = {
  id: 'seed-contributor',
  displayName: 'Phóng viên Lê Minh Thư',
};
const DAY = 86_400_000;

/**
 * A stable id for a demo article, so other services' demo data can refer to it (the
 * engagement seed attaches a poll to one; see apps/engagement/src/demo-data.ts).
 */
function seedArticleId(slug: string): Types.ObjectId {
  return new Types.ObjectId(
    createHash('sha1').update(`content-seed:article:${slug}`).digest('hex').slice(0, 24),
  );
}

/** Deterministic pseudo-random numbers, so every demo database looks alike. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Seeded articles reach the graph as any write does: cached lists of them are dropped (the
// subgraph may have cached empty ones already) and the assistant indexes them. Redis is
// connected before the queues use it (on a busy machine a connection still opening failed
// their first command).
const { conn, redis, close } = await openSeedConnections(env, 'content-seed', {
  redisRequired: true,
});
const { queues, services } = contentFromEnv(env, conn, redis, logger);
const { models } = services;
await syncIndexes(conn);

try {
  await seedOnce(
    conn,
    'demo',
    async () => {
      const categoryIds = new Map<string, Types.ObjectId>();
      for (const [position, root] of SEED_CATEGORIES.entries()) {
        const parent = await upsertCategory(root.slug, root.name, root.description, null, position);
        categoryIds.set(root.slug, parent);
        for (const [i, child] of root.children.entries())
          categoryIds.set(
            child.slug,
            await upsertCategory(child.slug, child.name, null, parent, i),
          );
      }

      const now = Date.now();
      const rand = random(2025);
      const published: string[] = [];
      for (const [i, seed] of SEED_ARTICLES.entries()) {
        const status: ArticleStatus = seed.status ?? 'PUBLISHED';
        const unitName = unitByCode(seed.unit)?.name ?? seed.unit;
        const body = sanitizeRichText(seedBody(seed, unitName));
        const createdAt = new Date(now - (i * 1.8 + 3) * DAY);
        const publishedAt =
          status === 'PUBLISHED' || status === 'ARCHIVED'
            ? new Date(createdAt.getTime() + (2 + rand() * 20) * 3600_000)
            : null;
        const scheduledAt = status === 'SCHEDULED' ? new Date(now + (2 + (i % 5)) * DAY) : null;
        const author = status === 'DRAFT' || status === 'IN_REVIEW' ? CONTRIBUTOR : EDITOR;
        const history: RevisionAction[] = {
          DRAFT: ['CREATED'],
          IN_REVIEW: ['CREATED', 'SUBMITTED'],
          SCHEDULED: ['CREATED', 'SCHEDULED'],
          PUBLISHED: ['CREATED', 'PUBLISHED'],
          ARCHIVED: ['CREATED', 'PUBLISHED', 'ARCHIVED'],
        }[status] as RevisionAction[];
        const doc: Omit<ArticleDoc, '_id'> = {
          slug: slugify(seed.title),
          title: seed.title,
          summary: seed.summary,
          body,
          kind: seed.kind,
          scope: seed.scope,
          categoryId: categoryIds.get(seed.category) ?? null,
          tags: seed.tags,
          tagKeys: seed.tags.map(tagKey),
          sourceUnit: seed.unit,
          coverImageUrl: null,
          author,
          status,
          version: history.length,
          publishedAt: status === 'ARCHIVED' ? null : publishedAt,
          scheduledAt,
          searchTokens: searchTokens(
            seed.title,
            seed.summary,
            plainText(body),
            seed.tags.join(' '),
          ),
          titleTokens: searchTokens(seed.title),
          createdAt,
          updatedAt: publishedAt ?? createdAt,
        };
        await models.articles.updateOne(
          { _id: seedArticleId(doc.slug) },
          { $setOnInsert: doc },
          { upsert: true },
        );
        const article = await models.articles.findOne({ slug: doc.slug }).lean<ArticleDoc>().exec();
        for (const [v, action] of history.entries()) {
          await models.revisions.updateOne(
            { articleId: article!._id, version: v + 1 },
            {
              $setOnInsert: {
                action,
                at: v === 0 ? createdAt : (publishedAt ?? createdAt),
                by: v === 0 ? author : EDITOR,
                changes: [],
                patch: {},
                notifyPending: false,
              },
            },
            { upsert: true },
          );
        }
        if (status === 'SCHEDULED' && scheduledAt)
          await queues.outbox.add(
            'content-publish',
            { articleId: String(article!._id), scheduledAt: scheduledAt.toISOString() },
            {
              jobId: publishJobId(String(article!._id), scheduledAt),
              delayMs: scheduledAt.getTime() - now,
            },
          );
        if (status === 'PUBLISHED') published.push(String(article!._id));
      }

      // Views of the last 30 days, folded through the same flush as real views.
      const devices: DeviceClass[] = ['MOBILE', 'MOBILE', 'MOBILE', 'DESKTOP', 'DESKTOP', 'TABLET'];
      const rows: { articleId: string; day: string; device: DeviceClass; count: number }[] = [];
      for (const [i, articleId] of published.entries()) {
        const popularity = 5 + Math.round(rand() * 60) + (i < 10 ? 80 : 0);
        for (let d = 0; d < 30; d++) {
          const day = dayKey(new Date(now - d * DAY));
          for (const device of new Set(devices)) {
            const weight = devices.filter((x) => x === device).length / devices.length;
            const count = Math.round(popularity * weight * rand() * Math.exp(-d / 20));
            if (count > 0) rows.push({ articleId, day, device, count });
          }
        }
      }
      await services.views.importCounts(rows);
      await services.views.flush();
      logger.info(
        { articles: SEED_ARTICLES.length, published: published.length, viewRows: rows.length },
        'content demo data written',
      );
    },
    logger,
  );
  // The seed writes revisions directly, not through the revision repository that keeps the
  // contribution facts: bring them up to date (the worker may have built them empty already).
  await syncContributionFacts(models, logger);
} finally {
  await queues.close();
  await close();
}

async function upsertCategory(
  slug: string,
  name: string,
  description: string | null,
  parentId: Types.ObjectId | null,
  position: number,
): Promise<Types.ObjectId> {
  await models.categories.updateOne(
    { slug },
    { $setOnInsert: { slug, name, description, parentId, position, createdAt: new Date() } },
    { upsert: true },
  );
  const category = await models.categories.findOne({ slug }).lean().exec();
  return category!._id;
}
