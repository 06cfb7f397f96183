import { Types, type FilterQuery } from 'mongoose';
import { insertOnce, paginate, type Page } from '@portal/db';
import { badInput, notFound } from '@portal/errors';
import type { LibraryEvent } from '@portal/queue';
import { fold, slugify } from '@portal/text';
import { parseInput } from '@portal/graphql-kit';
import { parseExpectedVersion } from '../domain/expected-version';
import { applyUpdate } from '../domain/input-fields';
import { isEditor, requireEditor } from '../domain/library-access';
import {
  awardRank,
  newShowcaseFields,
  createShowcaseInput,
  type ShowcaseFields,
  type ShowcaseFilter,
  updateShowcaseInput,
} from '../domain/showcase-input';
import type { ShowcaseEntryDoc } from '../models';
import { findByIdOrSlug, type IdOrSlug } from './find-by-id-or-slug';
import type { ServiceContext } from './service-context';
import { createFirstVersion, requireVersion, updateAtVersion } from './versioned-records';

type PromoteEvent = Extract<LibraryEvent, { type: 'showcase.promote' }>;

function storedFields(fields: ShowcaseFields) {
  return { ...fields, awardRank: awardRank(fields.award), titleKey: fold(fields.title) };
}

function fieldsOf(doc: ShowcaseEntryDoc): ShowcaseFields {
  return {
    title: doc.title,
    description: doc.description,
    award: doc.award,
    awardTitle: doc.awardTitle,
    year: doc.year,
    contestName: doc.contestName,
    team: doc.team,
    category: doc.category,
    tryItUrl: doc.tryItUrl,
    tryItKind: doc.tryItKind,
    demoVideoItemId: doc.demoVideoItemId,
  };
}

/** Whether the viewer may see the entry: archived ones are for editors only. */
export function canSeeShowcaseEntry(ctx: ServiceContext, entry: ShowcaseEntryDoc): boolean {
  return entry.status === 'ACTIVE' || isEditor(ctx.viewer);
}

/** Newest year first, then first prize first, then by title; keyset pages. */
export function listShowcaseEntries(
  ctx: ServiceContext,
  args: { first?: number | null; after?: string | null; filter: ShowcaseFilter },
): Promise<Page<ShowcaseEntryDoc>> {
  const status = args.filter.status ?? 'ACTIVE';
  if (status !== 'ACTIVE') requireEditor(ctx.viewer);
  const filter: FilterQuery<ShowcaseEntryDoc> = { status };
  if (args.filter.year != null) filter.year = args.filter.year;
  if (args.filter.award) filter.award = args.filter.award;
  if (args.filter.category) filter.category = args.filter.category;
  return paginate(ctx.models.showcase, {
    filter,
    sort: [
      ['year', -1],
      ['awardRank', 1],
      ['titleKey', 1],
      ['_id', 1],
    ],
    first: args.first,
    after: args.after,
  });
}

export async function findShowcaseEntry(
  ctx: ServiceContext,
  by: IdOrSlug,
): Promise<ShowcaseEntryDoc | null> {
  const entry = await findByIdOrSlug(by, ctx.models.showcase, (id) =>
    ctx.loaders.showcase.load(id),
  );
  return entry && canSeeShowcaseEntry(ctx, entry) ? entry : null;
}

/** A demo video must be a VIDEO item of the library (published, or a draft an editor can see). */
async function checkDemoVideo(ctx: ServiceContext, itemId: string | null, field: string) {
  if (!itemId) return;
  const item = await ctx.loaders.items.load(itemId);
  if (!item || item.status === 'ARCHIVED')
    throw badInput([{ field, message: 'is not a library item' }]);
  if (item.format !== 'VIDEO') throw badInput([{ field, message: 'must be a VIDEO item' }]);
}

export async function createShowcaseEntry(
  ctx: ServiceContext,
  raw: unknown,
): Promise<ShowcaseEntryDoc> {
  requireEditor(ctx.viewer);
  const input = parseInput(createShowcaseInput, raw);
  const fields = newShowcaseFields(input);
  await checkDemoVideo(ctx, fields.demoVideoItemId, 'input.demoVideoItemId');
  const entry = await createFirstVersion(ctx.models.showcase, fields.title, {
    ...storedFields(fields),
    status: 'ACTIVE',
    sourceEntryId: null,
    sourceContestId: null,
    createdBy: ctx.viewer.id!,
  });
  ctx.logger.info({ showcaseEntryId: entry._id.toHexString() }, 'showcase entry created');
  return entry;
}

export async function updateShowcaseEntry(
  ctx: ServiceContext,
  id: string,
  rawPatch: unknown,
  rawVersion: unknown,
): Promise<ShowcaseEntryDoc> {
  requireEditor(ctx.viewer);
  const patch = parseInput(updateShowcaseInput, rawPatch);
  const expectedVersion = parseExpectedVersion(rawVersion);
  const entry = await findShowcaseEntry(ctx, { id });
  if (!entry) throw notFound('Showcase entry');
  requireVersion(entry, expectedVersion, 'entry');
  if (patch.demoVideoItemId)
    await checkDemoVideo(ctx, patch.demoVideoItemId, 'input.demoVideoItemId');
  const next = applyUpdate(fieldsOf(entry), patch);
  await updateAtVersion(ctx.models.showcase, entry, expectedVersion, storedFields(next), 'entry');
  return (await ctx.models.showcase.findById(entry._id).lean())!;
}

/** Takes the entry off the public showcase without deleting it (archiving twice changes nothing). */
export async function archiveShowcaseEntry(
  ctx: ServiceContext,
  id: string,
): Promise<ShowcaseEntryDoc> {
  requireEditor(ctx.viewer);
  const entry = await findShowcaseEntry(ctx, { id });
  if (!entry) throw notFound('Showcase entry');
  if (entry.status === 'ARCHIVED') return entry;
  await ctx.models.showcase.updateOne(
    { _id: entry._id, version: entry.version },
    { $set: { status: 'ARCHIVED', updatedAt: new Date() }, $inc: { version: 1 } },
  );
  ctx.logger.info({ showcaseEntryId: id }, 'showcase entry archived');
  return (await ctx.models.showcase.findById(entry._id).lean())!;
}

/** Counts a "try it" click on an active entry, once per client per entry per city day. */
export async function recordShowcaseTryIt(
  ctx: ServiceContext,
  id: string,
  client: string,
): Promise<boolean> {
  const entry = await ctx.loaders.showcase.load(id);
  if (!entry || entry.status !== 'ACTIVE') throw notFound('Showcase entry');
  return ctx.counters.recordOnce('tryIt', id, client);
}

/**
 * A contest winner promoted by engagement (the `library-events` job). The entry is inserted
 * under the id the producer chose, so a job delivered twice, or retried after a crash,
 * creates it once; a later delivery leaves an editor's changes alone.
 * Returns whether this call created it.
 */
export async function promoteToShowcase(
  deps: Pick<ServiceContext, 'models' | 'logger'>,
  event: PromoteEvent,
): Promise<boolean> {
  const _id = new Types.ObjectId(event.showcaseEntryId);
  const existing = await deps.models.showcase.findById(_id, { _id: 1 }).lean();
  if (existing) return false;
  // The producer cannot check the library's items: a demo video that is not one is left out.
  const video = event.demoVideoItemId
    ? await deps.models.items.findById(event.demoVideoItemId, { format: 1, status: 1 }).lean()
    : null;
  const demoVideoItemId =
    video && video.format === 'VIDEO' && video.status !== 'ARCHIVED' ? event.demoVideoItemId : null;
  if (event.demoVideoItemId && !demoVideoItemId)
    deps.logger.warn(
      { showcaseEntryId: event.showcaseEntryId, itemId: event.demoVideoItemId },
      'promoted entry names a demo video that is not a video item; left out',
    );
  const fields: ShowcaseFields = {
    title: event.title,
    description: event.description,
    award: event.award,
    awardTitle: event.awardTitle,
    year: event.year,
    contestName: event.contestTitle,
    team: event.team,
    category: event.category,
    tryItUrl: event.tryItUrl,
    tryItKind: 'APP',
    demoVideoItemId,
  };
  const now = new Date();
  const base = slugify(event.title) || 'san-pham';
  // The slug must be unique too; a taken one gets a short suffix from the id (deterministic).
  for (const slug of [base, `${base}-${event.showcaseEntryId.slice(-6)}`, event.showcaseEntryId]) {
    const taken = await deps.models.showcase.exists({ slug, _id: { $ne: _id } });
    if (taken) continue;
    const created = await insertOnce(deps.models.showcase, {
      _id,
      slug,
      ...storedFields(fields),
      status: 'ACTIVE',
      sourceEntryId: event.contestEntryId,
      sourceContestId: event.contestId,
      createdBy: event.promotedBy,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    if (created) {
      deps.logger.info(
        { showcaseEntryId: event.showcaseEntryId, contestEntryId: event.contestEntryId },
        'contest winner added to the showcase',
      );
      return true;
    }
    // A duplicate key: either this id exists now (a parallel delivery won) or the slug was taken.
    if (await deps.models.showcase.exists({ _id })) return false;
  }
  throw new Error(`no free slug for showcase entry ${event.showcaseEntryId}`);
}
