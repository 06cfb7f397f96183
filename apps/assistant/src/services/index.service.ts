import type { Logger } from '@portal/logger';
import type { AssistantModels } from '../models';
import type { ResourceDoc } from '../models/resource.model';
import type { SourceType } from '../models/passage.model';
import type { PassageIndex, SourceDocument } from '../retrieval/passage-index';
import type { PortalSources, RemoteSourceType } from '../retrieval/portal-sources';

export interface IndexServiceOptions {
  models: AssistantModels;
  index: PassageIndex;
  /** Published content of the other services; absent where only datasets are indexed. */
  sources: PortalSources | null;
  /** The open-data portal's base URL, for dataset links. */
  portalUrl: string;
  logger: Logger;
}

/** The graph types whose changes re-index their objects. */
export const INDEXED_TYPES: readonly SourceType[] = ['Article', 'LibraryItem', 'Thread', 'Dataset'];

/**
 * Keeps the retrieval index current: re-reads changed objects from their owners (other
 * services through their APIs; datasets from this service's catalog) and replaces their
 * passages, or drops them when they are no longer published.
 */
export class IndexService {
  private readonly log: Logger;

  constructor(private readonly o: IndexServiceOptions) {
    this.log = o.logger.child({ module: 'index' });
  }

  /** Re-indexes objects of one type by id. */
  async refresh(type: SourceType, ids: readonly string[]): Promise<void> {
    if (type === 'Dataset') {
      for (const id of ids) await this.indexDataset(id);
      return;
    }
    if (!this.o.sources) return;
    await this.o.index.replace(type, await this.o.sources.fetch(type, ids));
  }

  /** Re-indexes every object of a type (or of every type), dropping what is gone. */
  async rebuild(types: readonly SourceType[] = INDEXED_TYPES): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const type of types) {
      const seen = new Set<string>();
      if (type === 'Dataset') {
        const datasets = await this.o.models.Dataset.find({ removedAt: null }, { _id: 1 }).lean();
        for (const d of datasets) {
          await this.indexDataset(d._id);
          seen.add(d._id);
        }
      } else {
        if (!this.o.sources) continue;
        for await (const page of this.o.sources.all(type as RemoteSourceType)) {
          const indexed = page.filter((found) => found.docs.length);
          await this.o.index.replace(type, indexed);
          for (const found of indexed) seen.add(found.id);
        }
      }
      const gone = (await this.o.index.sourceIds(type)).filter((id) => !seen.has(id));
      await this.o.index.replace(
        type,
        gone.map((id) => ({ id, docs: [] })),
      );
      counts[type] = seen.size;
    }
    this.log.info({ counts }, 'retrieval index rebuilt');
    return counts;
  }

  /** A dataset's passages: its description, and one per resource (with its columns). */
  async indexDataset(id: string): Promise<void> {
    const { Dataset, Resource } = this.o.models;
    const d = await Dataset.findById(id).lean();
    if (!d || d.removedAt) return void (await this.o.index.remove('Dataset', id));
    const resources = await Resource.find({ datasetId: id, removedAt: null })
      .sort({ position: 1 })
      .lean<ResourceDoc[]>();
    const link = `${this.o.portalUrl.replace(/\/+$/, '')}/dataset/${encodeURIComponent(d.name)}`;
    const docs: SourceDocument[] = [
      {
        kind: 'DATASET',
        citeId: d._id,
        title: d.title,
        link,
        text: [
          d.description ?? d.title,
          d.publisher ? `Đơn vị công bố: ${d.publisher.title}.` : null,
          d.updateFrequency ? `Tần suất cập nhật: ${d.updateFrequency}.` : null,
          d.licence ? `Giấy phép: ${d.licence.title}.` : null,
          d.formats.length ? `Định dạng: ${d.formats.join(', ')}.` : null,
          d.tags.length ? `Từ khóa: ${d.tags.join(', ')}.` : null,
        ]
          .filter(Boolean)
          .join(' '),
      },
      ...resources.map((r) => ({
        kind: 'RESOURCE' as const,
        citeId: r._id,
        title: `${r.name} (${d.title})`,
        link: r.url,
        text: [
          `${r.name}.`,
          r.description,
          `Tệp ${r.format || 'dữ liệu'} thuộc bộ dữ liệu ${d.title}.`,
          r.preview.columns.length
            ? `Các cột: ${r.preview.columns.map((c) => c.name).join(', ')}.`
            : null,
        ]
          .filter(Boolean)
          .join(' '),
      })),
    ];
    await this.o.index.put('Dataset', id, docs);
  }
}
