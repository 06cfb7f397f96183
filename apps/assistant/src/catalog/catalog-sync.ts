import { createHash, randomUUID } from 'node:crypto';
import { insertOnce } from '@portal/db';
import type { Logger } from '@portal/logger';
import { fold, searchTokens } from '@portal/text';
import type { AssistantModels } from '../models';
import type { DatasetDoc } from '../models/dataset.model';
import { PENDING_PREVIEW, type ResourceDoc } from '../models/resource.model';
import { parseCkanDate, type CkanClient, type CkanPackage } from './ckan-client';

export interface CatalogSyncOptions {
  models: AssistantModels;
  ckan: CkanClient;
  /** Datasets per package_search page. */
  pageSize: number;
  /** Called for each resource whose file changed (queues its preview). */
  onResourceChanged: (resource: { id: string; fingerprint: string }) => Promise<void>;
  /** Called for each dataset written or removed (re-indexes it). */
  onDatasetChanged: (datasetId: string) => Promise<void>;
  logger: Logger;
  now: () => Date;
}

export interface SyncReport {
  upserted: number;
  removed: number;
  syncedThrough: Date | null;
  /** True when another run held the sync (it covers what this one would have done). */
  skipped: boolean;
}

const STATE_ID = 'ckan';
/** How long a run holds the sync without a sign of life; renewed after every page. */
const LEASE_MS = 10 * 60_000;

class LeaseLostError extends Error {
  constructor() {
    super('catalog sync lease lost: another run took over');
  }
}

function frequencyOf(pkg: CkanPackage): string | null {
  for (const e of pkg.extras ?? [])
    if (
      ['update_frequency', 'frequency', 'accrual_periodicity'].includes(e.key) &&
      typeof e.value === 'string' &&
      e.value
    )
      return e.value;
  return null;
}

/**
 * Syncs the CKAN catalog incrementally: datasets modified since the last synced time,
 * oldest first, each written by its CKAN id (running twice changes nothing), the cursor
 * saved after every page (a failed or interrupted run resumes there). Datasets no longer on
 * the portal are marked removed. One run at a time across every worker: a run holds a lease
 * in the state document (renewed after each page, taken over when it lapses), and a run that
 * finds it held does nothing.
 */
export class CatalogSync {
  private readonly log: Logger;

  constructor(private readonly o: CatalogSyncOptions) {
    this.log = o.logger.child({ module: 'catalog-sync' });
  }

  async run(): Promise<SyncReport> {
    const { SyncState } = this.o.models;
    // The state document is created once (an upsert from two first runs at once can fail
    // with a duplicate key on FerretDB); the lease is then one conditional update.
    await insertOnce(SyncState, { _id: STATE_ID });
    const token = randomUUID();
    const now = this.o.now();
    const state = await SyncState.findOneAndUpdate(
      { _id: STATE_ID, $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] },
      { $set: { lastRunAt: now, leaseToken: token, leaseUntil: this.leaseEnd() } },
      { new: true },
    ).lean();
    if (!state) {
      this.log.info('catalog sync already running in another worker; this run skipped');
      return { upserted: 0, removed: 0, syncedThrough: null, skipped: true };
    }
    const mine = { _id: STATE_ID, leaseToken: token };
    try {
      const report = await this.pull(state.cursor, token);
      await SyncState.updateOne(mine, { $set: { lastSuccessAt: this.o.now(), lastError: null } });
      this.log.info(report, 'catalog synced');
      return report;
    } catch (err) {
      await SyncState.updateOne(mine, { $set: { lastError: (err as Error).message } });
      throw err;
    } finally {
      await SyncState.updateOne(mine, { $set: { leaseToken: null, leaseUntil: null } });
    }
  }

  private leaseEnd(): Date {
    return new Date(this.o.now().getTime() + LEASE_MS);
  }

  /** Saves the cursor and renews the lease; fails when another run has taken the sync over. */
  private async saveProgress(token: string, cursor: Date | null): Promise<void> {
    const res = await this.o.models.SyncState.updateOne(
      { _id: STATE_ID, leaseToken: token },
      { $set: { cursor, leaseUntil: this.leaseEnd() } },
    );
    if (res.matchedCount === 0) throw new LeaseLostError();
  }

  private async pull(from: Date | null, token: string): Promise<SyncReport> {
    let cursor = from;
    let offset = 0;
    // Datasets at the cursor's time come again on the next page (the range is inclusive).
    const upserted = new Set<string>();
    for (;;) {
      const page = await this.o.ckan.searchModifiedSince(cursor, offset, this.o.pageSize);
      let newest = cursor;
      for (const pkg of page.results) {
        await this.upsert(pkg);
        upserted.add(pkg.id);
        const modified = parseCkanDate(pkg.metadata_modified);
        if (modified && (!newest || modified > newest)) newest = modified;
      }
      const full = page.results.length >= this.o.pageSize;
      if (newest && cursor && newest.getTime() === cursor.getTime() && full) {
        // A page of datasets that all share the cursor's time: page on within it.
        offset += this.o.pageSize;
      } else {
        offset = 0;
        if (newest && (!cursor || newest > cursor)) cursor = newest;
      }
      await this.saveProgress(token, cursor);
      if (!full) break;
    }
    const removed = await this.removeMissing();
    return { upserted: upserted.size, removed, syncedThrough: cursor, skipped: false };
  }

  /** Marks datasets the portal no longer lists as removed. */
  private async removeMissing(): Promise<number> {
    const names = new Set(await this.o.ckan.listPackages());
    const { Dataset, Resource } = this.o.models;
    const present = await Dataset.find({ removedAt: null }, { name: 1 }).lean();
    let removed = 0;
    for (const d of present) {
      if (names.has(d.name)) continue;
      await Dataset.updateOne({ _id: d._id }, { $set: { removedAt: this.o.now() } });
      await Resource.updateMany(
        { datasetId: d._id, removedAt: null },
        { $set: { removedAt: this.o.now() } },
      );
      await this.o.onDatasetChanged(d._id);
      removed++;
    }
    return removed;
  }

  /** Writes one dataset and its resources from the portal's record. */
  async upsert(pkg: CkanPackage): Promise<void> {
    const { Dataset, Resource } = this.o.models;
    const now = this.o.now();
    if (pkg.private || (pkg.state && pkg.state !== 'active')) {
      await Dataset.updateOne({ _id: pkg.id }, { $set: { removedAt: now } });
      await this.o.onDatasetChanged(pkg.id);
      return;
    }
    const resources = pkg.resources ?? [];
    const formats = [
      ...new Set(resources.map((r) => (r.format ?? '').trim().toUpperCase()).filter(Boolean)),
    ];
    const tags = (pkg.tags ?? []).map((t) => t.name);
    const title = pkg.title?.trim() || pkg.name;
    const publisher = pkg.organization
      ? { name: pkg.organization.name, title: pkg.organization.title || pkg.organization.name }
      : null;
    const doc: Omit<DatasetDoc, '_id'> = {
      name: pkg.name,
      title,
      description: pkg.notes?.trim() || null,
      licence: pkg.license_id
        ? {
            id: pkg.license_id,
            title: pkg.license_title || pkg.license_id,
            url: pkg.license_url || null,
          }
        : null,
      publisher,
      updateFrequency: frequencyOf(pkg),
      formats,
      tags,
      tagKeys: tags.map(fold),
      groups: (pkg.groups ?? []).map((g) => g.name),
      searchTokens: searchTokens(
        title,
        pkg.notes,
        tags.join(' '),
        publisher?.title,
        formats.join(' '),
      ),
      titleTokens: searchTokens(title),
      modifiedAt: parseCkanDate(pkg.metadata_modified) ?? now,
      syncedAt: now,
      removedAt: null,
    };
    await Dataset.updateOne({ _id: pkg.id }, { $set: doc }, { upsert: true });

    const existing = new Map(
      (await Resource.find({ datasetId: pkg.id }).lean<ResourceDoc[]>()).map((r) => [r._id, r]),
    );
    const seen = new Set<string>();
    for (const [position, r] of resources.entries()) {
      seen.add(r.id);
      const size = r.size == null || r.size === '' ? null : Number(r.size);
      const fingerprint = createHash('sha256')
        .update(`${r.url}|${size ?? ''}|${r.last_modified ?? r.created ?? ''}`)
        .digest('hex')
        .slice(0, 16);
      const before = existing.get(r.id);
      const changed = !before || before.fingerprint !== fingerprint || before.removedAt !== null;
      await Resource.updateOne(
        { _id: r.id },
        {
          $set: {
            datasetId: pkg.id,
            position,
            name: r.name?.trim() || r.id,
            description: r.description?.trim() || null,
            format: (r.format ?? '').trim().toUpperCase(),
            url: r.url,
            sizeBytes: Number.isFinite(size) ? size : null,
            modifiedAt: parseCkanDate(r.last_modified ?? r.created),
            fingerprint,
            removedAt: null,
            // A new file version is previewed again; until then it shows PENDING.
            ...(before?.fingerprint !== fingerprint ? { preview: PENDING_PREVIEW } : {}),
          },
        },
        { upsert: true },
      );
      if (changed) await this.o.onResourceChanged({ id: r.id, fingerprint });
    }
    for (const id of existing.keys())
      if (!seen.has(id)) await Resource.updateOne({ _id: id }, { $set: { removedAt: now } });
    await this.o.onDatasetChanged(pkg.id);
  }
}
