import { Readable } from 'node:stream';
import { Types } from 'mongoose';
import { ANONYMOUS, type Viewer } from '@portal/auth';
import type { Logger } from '@portal/logger';
import { joinUpTo, slugify } from '@portal/text';
import type { ItemCounters } from '../counters/item-counters';
import { ingestFile } from '../files/ingest-file';
import { createLoaders } from '../loaders';
import type { LibraryModels, PersonRef } from '../models';
import { createCollection, setCollectionItems } from '../services/collections.service';
import {
  archiveLibraryItem,
  createLibraryItem,
  publishLibraryItem,
} from '../services/library-items.service';
import { createPlatformApp } from '../services/platform-apps.service';
import { createShowcaseEntry } from '../services/showcase.service';
import type { ServiceContext } from '../services/service-context';
import type { FileStorage } from '../storage/file-storage';
import {
  DEMO_COLLECTIONS,
  DEMO_ITEMS,
  DEMO_PLATFORM_APPS,
  DEMO_SHOWCASE,
  type DemoItem,
  type SampleFile,
} from './demo-library';
import {
  MEDIA_SAMPLES,
  mediaSample,
  sampleDocx,
  sampleEpub,
  samplePdf,
  samplePng,
} from './sample-files';

/** Who writes the demo data (and the benchmarks' scale data beside it). */
export const SEED_EDITOR: Viewer & { id: string } = {
  ...ANONYMOUS,
  id: 'seed-editor',
  displayName: 'Ban Biên tập Cổng thông tin Chuyển đổi số',
  roles: ['citizen', 'editor'],
};
/** The seed editor as the items and files it creates name their creator. */
export const SEED_EDITOR_REF: PersonRef = {
  id: SEED_EDITOR.id,
  displayName: SEED_EDITOR.displayName!,
};
const DAY = 24 * 3600 * 1000;

export interface SeedDeps {
  models: LibraryModels;
  storage: FileStorage;
  counters: ItemCounters;
  logger: Logger;
  now?: Date;
}

/** The seed editor's service context, with fresh loaders (each call reads what is stored now). */
function editorContext(deps: SeedDeps): ServiceContext {
  return {
    viewer: SEED_EDITOR,
    models: deps.models,
    loaders: createLoaders(deps.models),
    counters: deps.counters,
    logger: deps.logger,
  };
}

/** The demo collections' ids by slug, creating those this database lacks. */
export async function demoCollectionIds(deps: SeedDeps): Promise<Map<string, Types.ObjectId>> {
  const ids = new Map<string, Types.ObjectId>();
  for (const def of DEMO_COLLECTIONS) {
    const existing = await deps.models.collections.findOne({ slug: def.slug }, { _id: 1 }).lean();
    const collection = existing ?? (await createCollection(editorContext(deps), def));
    ids.set(def.slug, collection._id);
  }
  return ids;
}

/** Bytes and a file name for one of an item's sample files. */
function sampleFile(
  item: DemoItem,
  file: SampleFile,
  index: number,
): { bytes: Buffer; name: string } {
  const stem = `${slugify(item.title, 60)}${index ? `-${index + 1}` : ''}`;
  switch (file.kind) {
    case 'pdf':
      return {
        name: `${item.title}.pdf`,
        bytes: samplePdf({
          title: item.title,
          pages: Array.from({ length: file.pages }, (_, p) => [
            ...(p === 0 ? joinUpTo(item.description.split(/\s+/), 90) : [`Trang ${p + 1}`]),
            `Nguon: ${item.publisher}`,
          ]),
        }),
      };
    case 'docx':
      return {
        name: `${item.title}.docx`,
        bytes: sampleDocx({ title: item.title, paragraphs: [item.description, item.publisher] }),
      };
    case 'epub':
      return {
        name: `${item.title}.epub`,
        bytes: sampleEpub({
          id: stem,
          title: item.title,
          author: item.publisher,
          chapters: file.chapters.map((title) => ({ title, paragraphs: [item.description] })),
        }),
      };
    case 'png':
      return {
        name: `${item.title} - ảnh minh họa.png`,
        bytes: samplePng({ width: 320, height: 180, hue: file.hue }),
      };
    case 'video-mp4':
      return { name: `${item.title}.mp4`, bytes: mediaSample(MEDIA_SAMPLES.videoMp4) };
    case 'video-webm':
      return { name: `${item.title}.webm`, bytes: mediaSample(MEDIA_SAMPLES.videoWebm) };
    case 'audio-mp3':
      return { name: `${item.title}.mp3`, bytes: mediaSample(MEDIA_SAMPLES.audioMp3) };
    case 'audio-m4a':
      return { name: `${item.title}.m4a`, bytes: mediaSample(MEDIA_SAMPLES.audioM4a) };
  }
}

/**
 * The library's demo data, written through the same code as real use (file ingestion,
 * validation, publishing). Idempotent by natural key: an item, collection or app whose
 * slug exists is left alone, so an interrupted run can simply run again.
 */
export async function seedLibrary(deps: SeedDeps): Promise<{ items: number; apps: number }> {
  const now = deps.now ?? new Date();
  const ctx = () => editorContext(deps);

  const collectionIds = await demoCollectionIds(deps);

  let created = 0;
  for (const def of DEMO_ITEMS) {
    if (await deps.models.items.exists({ slug: slugify(def.title) })) continue;
    const fileIds: string[] = [];
    for (const [i, file] of def.files.entries()) {
      const sample = sampleFile(def, file, i);
      const stored = await ingestFile(
        { models: deps.models, storage: deps.storage, logger: deps.logger },
        {
          source: Readable.from([sample.bytes]),
          originalName: sample.name,
          uploadedBy: SEED_EDITOR_REF,
          maxBytes: Number.MAX_SAFE_INTEGER,
        },
      );
      fileIds.push(stored.file._id.toHexString());
    }
    const item = await createLibraryItem(ctx(), {
      title: def.title,
      description: def.description,
      format: def.format,
      topics: def.topics,
      audience: def.audience,
      publisher: def.publisher,
      language: def.language ?? 'vi',
      fileIds,
      externalUrl: def.externalUrl,
      durationSeconds: def.durationSeconds,
      pageCount: def.pageCount,
    });
    const id = item._id.toHexString();
    if (def.publishedDaysAgo !== undefined) {
      await publishLibraryItem(ctx(), id);
      // Spread publication over past months, as a real library's would be.
      await deps.models.items.updateOne(
        { _id: item._id },
        { $set: { publishedAt: new Date(now.getTime() - def.publishedDaysAgo * DAY) } },
      );
      if (def.archived) await archiveLibraryItem(ctx(), id);
    }
    if (def.downloads || def.views) {
      await deps.models.stats.updateOne(
        { _id: new Types.ObjectId(id) },
        {
          $set: {
            downloadCount: def.downloads ?? 0,
            viewCount: def.views ?? 0,
            lastBatchId: 'seed',
            updatedAt: now,
          },
        },
        { upsert: true },
      );
    }
    created++;
  }

  for (const def of DEMO_COLLECTIONS) {
    const slugs = DEMO_ITEMS.filter((i) => i.collection === def.slug).map((i) => slugify(i.title));
    const members = await deps.models.items.find({ slug: { $in: slugs } }, { slug: 1 }).lean();
    const bySlug = new Map(members.map((m) => [m.slug, m._id.toHexString()]));
    const ordered = slugs.flatMap((s) => bySlug.get(s) ?? []);
    await setCollectionItems(ctx(), collectionIds.get(def.slug)!.toHexString(), ordered);
  }

  let apps = 0;
  for (const def of DEMO_PLATFORM_APPS) {
    if (await deps.models.apps.exists({ slug: slugify(def.name) })) continue;
    await createPlatformApp(ctx(), def);
    apps++;
  }
  deps.logger.info({ items: created, apps }, 'library demo data written');
  return { items: created, apps };
}

/**
 * The AI-Challenge showcase's demo entries (run after seedLibrary, whose demo video they
 * show). Idempotent by slug, like the rest of the demo data.
 */
export async function seedShowcase(deps: SeedDeps): Promise<{ showcase: number }> {
  const now = deps.now ?? new Date();
  const ctx = () => editorContext(deps);
  let showcase = 0;
  for (const def of DEMO_SHOWCASE) {
    if (await deps.models.showcase.exists({ slug: slugify(def.title) })) continue;
    const video = def.demoVideo
      ? await deps.models.items.findOne({ slug: slugify(def.demoVideo) }, { _id: 1 }).lean()
      : null;
    const entry = await createShowcaseEntry(ctx(), {
      title: def.title,
      description: def.description,
      award: def.award,
      awardTitle: def.awardTitle,
      year: def.year,
      team: def.team,
      category: def.category,
      tryItUrl: def.tryItUrl,
      tryItKind: def.tryItKind,
      demoVideoItemId: video?._id.toHexString() ?? null,
    });
    await deps.models.showcaseStats.updateOne(
      { _id: entry._id },
      { $set: { tryItCount: def.tryIts, lastBatchId: 'seed', updatedAt: now } },
      { upsert: true },
    );
    showcase++;
  }
  deps.logger.info({ showcase }, 'showcase demo data written');
  return { showcase };
}
