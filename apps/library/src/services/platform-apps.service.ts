import type { FilterQuery } from 'mongoose';
import { notFound } from '@portal/errors';
import { findByIdString, paginate, type Page } from '@portal/db';
import { fold, queryTokens, searchTokens } from '@portal/text';
import { parseInput } from '@portal/graphql-kit';
import { parseExpectedVersion } from '../domain/expected-version';
import { applyUpdate } from '../domain/input-fields';
import { requireEditor } from '../domain/library-access';
import type { Audience } from '../domain/library-item';
import {
  newPlatformAppFields,
  createPlatformAppInput,
  type PlatformAppCategory,
  type PlatformAppFields,
  updatePlatformAppInput,
} from '../domain/platform-app-input';
import type { PlatformAppDoc } from '../models';
import { findByIdOrSlug, type IdOrSlug } from './find-by-id-or-slug';
import type { ServiceContext } from './service-context';
import { createFirstVersion, requireVersion, updateAtVersion } from './versioned-records';

function storedFields(fields: PlatformAppFields) {
  return {
    ...fields,
    nameKey: fold(fields.name),
    searchTokens: searchTokens(fields.name, fields.description, fields.ownerAgency),
  };
}

function fieldsOf(doc: PlatformAppDoc): PlatformAppFields {
  return {
    name: doc.name,
    description: doc.description,
    url: doc.url,
    androidUrl: doc.androidUrl,
    iosUrl: doc.iosUrl,
    ownerAgency: doc.ownerAgency,
    ownerUnitCode: doc.ownerUnitCode,
    category: doc.category,
    audience: doc.audience,
  };
}

export function listPlatformApps(
  ctx: ServiceContext,
  args: {
    first?: number | null;
    after?: string | null;
    filter: {
      category?: PlatformAppCategory | null;
      audience?: Audience | null;
      search?: string | null;
    };
  },
): Promise<Page<PlatformAppDoc>> {
  const filter: FilterQuery<PlatformAppDoc> = {};
  if (args.filter.category) filter.category = args.filter.category;
  if (args.filter.audience) filter.audience = args.filter.audience;
  const tokens = args.filter.search ? queryTokens(args.filter.search) : [];
  if (tokens.length) filter.searchTokens = { $all: tokens };
  return paginate(ctx.models.apps, {
    filter,
    sort: [
      ['nameKey', 1],
      ['_id', 1],
    ],
    first: args.first,
    after: args.after,
  });
}

export async function findPlatformApp(
  ctx: ServiceContext,
  by: IdOrSlug,
): Promise<PlatformAppDoc | null> {
  return findByIdOrSlug(by, ctx.models.apps, (id) => findByIdString(ctx.models.apps, id));
}

export async function createPlatformApp(
  ctx: ServiceContext,
  raw: unknown,
): Promise<PlatformAppDoc> {
  requireEditor(ctx.viewer);
  const input = parseInput(createPlatformAppInput, raw);
  const fields = newPlatformAppFields(input);
  const app = await createFirstVersion(ctx.models.apps, fields.name, storedFields(fields));
  ctx.logger.info({ appId: app._id.toHexString(), slug: app.slug }, 'platform app created');
  return app;
}

export async function updatePlatformApp(
  ctx: ServiceContext,
  id: string,
  rawPatch: unknown,
  rawVersion: unknown,
): Promise<PlatformAppDoc> {
  requireEditor(ctx.viewer);
  const patch = parseInput(updatePlatformAppInput, rawPatch);
  const expectedVersion = parseExpectedVersion(rawVersion);
  const app = await findPlatformApp(ctx, { id });
  if (!app) throw notFound('Platform app');
  requireVersion(app, expectedVersion, 'app');
  const next = applyUpdate(fieldsOf(app), patch);
  await updateAtVersion(ctx.models.apps, app, expectedVersion, storedFields(next), 'app');
  return (await findPlatformApp(ctx, { id }))!;
}

export async function deletePlatformApp(ctx: ServiceContext, id: string): Promise<boolean> {
  requireEditor(ctx.viewer);
  const app = await findPlatformApp(ctx, { id });
  if (!app) throw notFound('Platform app');
  await ctx.models.apps.deleteOne({ _id: app._id });
  ctx.logger.info({ appId: id }, 'platform app deleted');
  return true;
}
