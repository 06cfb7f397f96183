// The library's part of the benchmarks' scale data (SCALE_DATA.libraryItems of
// @portal/testing/bench): published items of every format, with their files, view and
// download counts, some in the demo collections. Deterministic and incremental: the i-th
// item is always `scaleId('libraryItem', i)` with the same content (for one `now`), and a run
// inserts only the items (files, stats) that are missing.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromBuffer } from 'file-type';
import { Types } from 'mongoose';
import { insertOnce } from '@portal/db';
import type { Logger } from '@portal/logger';
import { benchText, scaleCount, scaleId, scaleRandom, storedIds } from '@portal/testing/bench';
import { slugify } from '@portal/text';
import type { ItemCounters } from '../src/counters/item-counters';
import { cleanFileName } from '../src/domain/file-names';
import { allowedType, kindOfMime } from '../src/domain/file-types';
import {
  itemProblems,
  publishProblems,
  type Audience,
  type ItemFields,
  type MediaFormat,
} from '../src/domain/library-item';
import type {
  ItemStatsDoc,
  LibraryItemDoc,
  LibraryModels,
  MediaFileDoc,
  PersonRef,
} from '../src/models';
import { DEMO_ITEMS } from '../src/seed/demo-library';
import {
  MEDIA_SAMPLES,
  mediaSample,
  sampleDocx,
  sampleEpub,
  samplePdf,
  samplePng,
} from '../src/seed/sample-files';
import { SEED_EDITOR_REF, demoCollectionIds } from '../src/seed/seed-library';
import { storedFields } from '../src/services/library-items.service';
import { contentKey, type FileStorage } from '../src/storage/file-storage';

const BATCH = 500;
const DAY = 24 * 3600 * 1000;
const SPAN = 3 * 365 * DAY;
/** Generated items join their collection after the demo items (positions 0…). */
const COLLECTION_POSITION_BASE = 1000;
/** Files an item has at most (file ids are `scaleId('libraryFile', i * FILE_SLOTS + k)`). */
const FILE_SLOTS = 4;

/** Who created the items: mostly the editors, some contributors (who upload their own files). */
const CREATORS: PersonRef[] = [
  SEED_EDITOR_REF,
  SEED_EDITOR_REF,
  { id: 'contributor-ttcds', displayName: 'Trung tâm Chuyển đổi số Thành phố' },
  { id: 'contributor-hvcb', displayName: 'Học viện Cán bộ Thành phố Hồ Chí Minh' },
  { id: 'contributor-so-khcn', displayName: 'Sở Khoa học và Công nghệ' },
];

/** The demo seed's vocabulary, so generated items share its topics and publishers. */
const TOPICS = [...new Set(DEMO_ITEMS.flatMap((d) => d.topics))].sort();
const PUBLISHERS = [...new Set(DEMO_ITEMS.map((d) => d.publisher))].sort();
const AUDIENCES: Audience[] = ['CITIZEN', 'BUSINESS', 'CIVIL_SERVANT'];
/** The demo collection each audience's items may join. */
const COLLECTION_OF: Record<Audience, string> = {
  CITIZEN: 'khoa-hoc-ky-nang-so-co-ban-cho-nguoi-dan',
  CIVIL_SERVANT: 'boi-duong-chuyen-doi-so-cho-can-bo-cong-chuc',
  BUSINESS: 'chuyen-doi-so-cho-doanh-nghiep-nho-va-vua',
};

/** Formats by share (out of 100), documents and videos most common. */
const FORMATS: [MediaFormat, number][] = [
  ['DOCUMENT', 30],
  ['VIDEO', 20],
  ['SLIDES', 12],
  ['AUDIO', 10],
  ['EBOOK', 10],
  ['LINK', 10],
  ['COURSE', 8],
];
const LEADS: Record<MediaFormat, string[]> = {
  DOCUMENT: ['Cẩm nang', 'Hướng dẫn', 'Sổ tay', 'Tài liệu phổ biến', 'Báo cáo'],
  VIDEO: ['Video hướng dẫn', 'Tọa đàm', 'Bài giảng video', 'Phóng sự'],
  SLIDES: ['Bài giảng', 'Trình bày', 'Tài liệu tập huấn'],
  AUDIO: ['Podcast', 'Nghe luật', 'Bản tin âm thanh'],
  EBOOK: ['Sách điện tử', 'Sổ tay điện tử'],
  LINK: ['Cổng thông tin', 'Trang tham khảo', 'Kho tài liệu trực tuyến'],
  COURSE: ['Khóa học trực tuyến', 'Chương trình bồi dưỡng'],
};
const EN_LEADS = ['Handbook', 'Guide', 'Lecture', 'Briefing', 'Toolkit'];
const EN_WORDS =
  'digital transformation city open data public services online citizens business smart government platform security skills'.split(
    ' ',
  );
const SITES = [
  'https://dx.gov.vn',
  'https://onetouch.mic.gov.vn',
  'https://khonggianmang.vn',
  'https://smedx.vn',
  'https://thuvientphcm.gov.vn',
  'https://publicadministration.un.org/egovkb',
];

/** The sample contents generated files share (stored once each, as identical uploads are). */
type SampleName = 'pdf' | 'docx' | 'epub' | 'png' | 'mp4' | 'webm' | 'mp3' | 'm4a';

function sampleBytes(name: SampleName): Buffer {
  switch (name) {
    case 'pdf':
      return samplePdf({
        title: 'Thu vien so - tai lieu tham khao',
        pages: Array.from({ length: 6 }, (_, p) => [`Trang ${p + 1}`, 'Nguon: Thu vien so']),
      });
    case 'docx':
      return sampleDocx({
        title: 'Tài liệu tham khảo',
        paragraphs: [benchText(1, 40), benchText(2, 40)],
      });
    case 'epub':
      return sampleEpub({
        id: 'thu-vien-so-tai-lieu-tham-khao',
        title: 'Tài liệu tham khảo',
        author: 'Thư viện số',
        chapters: ['Mở đầu', 'Nội dung', 'Kết luận'].map((title, c) => ({
          title,
          paragraphs: [benchText(10 + c, 60)],
        })),
      });
    case 'png':
      return samplePng({ width: 320, height: 180, hue: 150 });
    case 'mp4':
      return mediaSample(MEDIA_SAMPLES.videoMp4);
    case 'webm':
      return mediaSample(MEDIA_SAMPLES.videoWebm);
    case 'mp3':
      return mediaSample(MEDIA_SAMPLES.audioMp3);
    case 'm4a':
      return mediaSample(MEDIA_SAMPLES.audioM4a);
  }
}

interface StoredSample {
  sha256: string;
  sizeBytes: number;
  mimeType: string;
  ext: string;
}

/**
 * Stores a sample's content as an upload would (type from the content, object first and
 * record second, nothing written twice) and returns what its files record.
 */
async function storeSample(
  deps: { models: LibraryModels; storage: FileStorage },
  name: SampleName,
): Promise<StoredSample> {
  const bytes = sampleBytes(name);
  const type = allowedType(await fileTypeFromBuffer(bytes));
  if (!type) throw new Error(`the ${name} sample is not an accepted file type`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const key = contentKey(sha256);
  const blob = await deps.models.blobs.exists({ _id: sha256 });
  if (!blob || !(await deps.storage.stat(key))) {
    const staged = await deps.storage.stage();
    try {
      await pipeline(Readable.from([bytes]), staged.stream);
      await staged.commit(key);
    } finally {
      await staged.discard();
    }
    await insertOnce(deps.models.blobs, {
      _id: sha256,
      storageKey: key,
      sizeBytes: bytes.length,
      mimeType: type.mime,
      createdAt: new Date(),
    });
  }
  return { sha256, sizeBytes: bytes.length, mimeType: type.mime, ext: type.ext };
}

const { draw, pick, pickWeighted } = scaleRandom('library');

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The files an item of `format` carries, by sample. */
function filesFor(format: MediaFormat, i: number): SampleName[] {
  const r = draw(i, 'files');
  switch (format) {
    case 'DOCUMENT':
      return [r < 0.7 ? 'pdf' : 'docx', ...(draw(i, 'image') < 0.2 ? ['png' as const] : [])];
    case 'VIDEO':
      return r < 0.6 ? ['mp4'] : r < 0.85 ? ['mp4', 'webm'] : ['webm'];
    case 'AUDIO':
      return [r < 0.7 ? 'mp3' : 'm4a'];
    case 'SLIDES':
      return ['pdf'];
    case 'EBOOK':
      return [r < 0.75 ? 'epub' : 'pdf'];
    case 'COURSE':
      return r < 0.5 ? ['pdf'] : [];
    case 'LINK':
      return [];
  }
}

/** One generated item, before its files and collection get ids. */
interface PlannedItem {
  index: number;
  id: Types.ObjectId;
  slug: string;
  fields: Omit<ItemFields, 'fileIds' | 'collectionId'>;
  files: { id: Types.ObjectId; sample: SampleName; originalName: string }[];
  collectionSlug: string | null;
  createdBy: PersonRef;
  createdAt: Date;
  publishedAt: Date;
  views: number;
  downloads: number;
}

/** The i-th generated item: the same for the same `now`, whatever else is in the database. */
export function planItem(i: number, now: Date): PlannedItem {
  const format = pickWeighted(FORMATS, i, 'format');
  const english = draw(i, 'language') < 0.06;
  const topics = [...new Set([0, 1, 2].map((k) => pick(TOPICS, i, `topic${k}`)))].slice(
    0,
    1 + Math.floor(draw(i, 'topics') * 3),
  );
  const audience = AUDIENCES.filter((_, k) => draw(i, `audience${k}`) < 0.5);
  if (!audience.length) audience.push(pick(AUDIENCES, i, 'audience'));
  const words = 4 + Math.floor(draw(i, 'words') * 5);
  const title = english
    ? `${pick(EN_LEADS, i, 'lead')}: ${capitalize(
        Array.from({ length: words }, (_, k) => pick(EN_WORDS, i, `en${k}`)).join(' '),
      )}`
    : `${pick(LEADS[format], i, 'lead')} ${topics[0]!.toLowerCase()}: ${benchText(i * 7 + 1, words)}`;
  const description = english
    ? `An introduction to ${Array.from({ length: 30 }, (_, k) => pick(EN_WORDS, i, `d${k}`)).join(' ')}.`
    : `${capitalize(benchText(i * 7 + 2, 20 + Math.floor(draw(i, 'length') * 40)))}.`;
  const samples = filesFor(format, i);
  const paged = samples[0] === 'pdf' && ['DOCUMENT', 'SLIDES', 'EBOOK'].includes(format);
  const timed = ['VIDEO', 'AUDIO', 'COURSE'].includes(format);
  const slug = `${slugify(title, 72)}-${i + 1}`;
  // Spread over three years at any fraction: the golden-ratio sequence fills the span evenly.
  const age = (0.002 + 0.998 * ((i * 0.6180339887498949) % 1)) * SPAN;
  const publishedAt = new Date(now.getTime() - Math.round(age));
  const createdAt = new Date(publishedAt.getTime() - Math.round((1 + draw(i, 'review') * 9) * DAY));
  const createdBy = pick(CREATORS, i, 'creator');
  // A few items are read far more than the rest.
  const views = Math.round(20 + 25_000 * draw(i, 'views') ** 6);
  const downloads = format === 'LINK' ? 0 : Math.round(views * (0.05 + 0.3 * draw(i, 'dl')));
  const inCollection = i % 12 === 5;
  return {
    index: i,
    id: new Types.ObjectId(scaleId('libraryItem', i)),
    slug,
    fields: {
      title,
      description,
      format,
      topics,
      audience,
      publisher: pick(PUBLISHERS, i, 'publisher'),
      language: english ? 'en' : 'vi',
      externalUrl:
        format === 'LINK' || (format === 'COURSE' && !samples.length)
          ? `${pick(SITES, i, 'site')}/${slug}`
          : null,
      durationSeconds: timed ? 120 + Math.round(draw(i, 'duration') * 3480) : null,
      pageCount: paged ? 4 + Math.round(draw(i, 'pages') * 120) : null,
    },
    files: samples.map((sample, k) => ({
      id: new Types.ObjectId(scaleId('libraryFile', i * FILE_SLOTS + k)),
      sample,
      originalName: sample === 'png' ? `${title} - ảnh minh họa.png` : `${title}.${sample}`,
    })),
    collectionSlug: inCollection ? COLLECTION_OF[audience[0]!] : null,
    createdBy,
    createdAt,
    publishedAt,
    views,
    downloads,
  };
}

export interface LibraryScaleDeps {
  models: LibraryModels;
  storage: FileStorage;
  /** For the service context the demo collections are created in (nothing is counted). */
  counters: ItemCounters;
  logger: Logger;
  fraction: number;
  now: Date;
}

/** The kinds of document the library's scale data holds. */
export type LibraryScaleKind = 'libraryItems' | 'mediaFiles' | 'itemStats';

export interface ScaleResult {
  inserted: Record<LibraryScaleKind, number>;
  total: Record<LibraryScaleKind, number>;
}

async function insertInBatches<T>(
  model: { insertMany(docs: T[]): Promise<unknown> },
  docs: T[],
): Promise<void> {
  for (let k = 0; k < docs.length; k += BATCH) await model.insertMany(docs.slice(k, k + BATCH));
}

/**
 * Brings the generated library items to `scaleCount('libraryItems', fraction)`: published
 * items of every format (files of the demo's kinds, stored once per content), their view and
 * download counts, one in twelve in a demo collection. Files and counts are written before
 * their item, so an item never points at nothing and a run cut short is finished by the next.
 */
export async function seedScale(deps: LibraryScaleDeps): Promise<ScaleResult> {
  const { models, now } = deps;
  const count = scaleCount('libraryItems', deps.fraction);
  const collections = await demoCollectionIds(deps);
  const samples = new Map<SampleName, StoredSample>();
  for (const name of ['pdf', 'docx', 'epub', 'png', 'mp4', 'webm', 'mp3', 'm4a'] as const)
    samples.set(name, await storeSample(deps, name));

  const inserted = { libraryItems: 0, mediaFiles: 0, itemStats: 0 };
  const total = { libraryItems: count, mediaFiles: 0, itemStats: count };
  for (let start = 0; start < count; start += BATCH) {
    const plans = Array.from({ length: Math.min(BATCH, count - start) }, (_, k) =>
      planItem(start + k, now),
    );
    total.mediaFiles += plans.reduce((n, p) => n + p.files.length, 0);
    const present = await storedIds(
      models.items,
      plans.map((p) => p.id),
    );
    const missing = plans.filter((p) => !present.has(p.id.toHexString()));
    if (!missing.length) continue;

    const files = missing.flatMap((p) => p.files.map((f) => ({ plan: p, file: f })));
    const storedFiles = await storedIds(
      models.files,
      files.map((f) => f.file.id),
    );
    const newFiles: MediaFileDoc[] = files
      .filter((f) => !storedFiles.has(f.file.id.toHexString()))
      .map(({ plan, file }) => {
        const sample = samples.get(file.sample)!;
        return {
          _id: file.id,
          sha256: sample.sha256,
          sizeBytes: sample.sizeBytes,
          mimeType: sample.mimeType,
          ext: sample.ext,
          originalName: cleanFileName(file.originalName, sample.ext),
          uploadedBy: plan.createdBy,
          createdAt: plan.createdAt,
        };
      });
    await insertInBatches(models.files, newFiles);
    inserted.mediaFiles += newFiles.length;

    const storedStats = await storedIds(
      models.stats,
      missing.map((p) => p.id),
    );
    const newStats: ItemStatsDoc[] = missing
      .filter((p) => !storedStats.has(p.id.toHexString()))
      .map((p) => ({
        _id: p.id,
        viewCount: p.views,
        downloadCount: p.downloads,
        lastBatchId: 'scale-seed',
        updatedAt: now,
      }));
    await insertInBatches(models.stats, newStats);
    inserted.itemStats += newStats.length;

    const items = missing.map((p): LibraryItemDoc => {
      const collectionId = p.collectionSlug ? collections.get(p.collectionSlug)! : null;
      const fields: ItemFields = {
        ...p.fields,
        fileIds: p.files.map((f) => f.id.toHexString()),
        collectionId: collectionId?.toHexString() ?? null,
      };
      // What publishing checks: the material is there.
      const kinds = p.files.map((f) => kindOfMime(samples.get(f.sample)!.mimeType)!);
      const problems = [...itemProblems(fields), ...publishProblems(fields, kinds)];
      if (problems.length)
        throw new Error(`generated item ${p.index} is invalid: ${JSON.stringify(problems)}`);
      return {
        _id: p.id,
        slug: p.slug,
        ...storedFields(fields),
        collectionPosition: collectionId ? COLLECTION_POSITION_BASE + p.index : null,
        status: 'PUBLISHED',
        publishedAt: p.publishedAt,
        createdBy: p.createdBy,
        createdAt: p.createdAt,
        updatedAt: p.publishedAt,
        // Created (1), then published (2).
        version: 2,
      };
    });
    await insertInBatches(models.items, items);
    inserted.libraryItems += items.length;
  }
  deps.logger.info({ inserted, total }, 'library scale data written');
  return { inserted, total };
}
