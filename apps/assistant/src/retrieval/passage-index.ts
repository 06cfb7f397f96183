import type { Logger } from '@portal/logger';
import type { AssistantModels } from '../models';
import type { PassageDoc, SourceKind, SourceType } from '../models/passage.model';
import { rankBm25, type CorpusStats, type Scored } from './bm25';
import { chunkText, indexTerms } from './terms';

/** A unit of published content to index: one source object, cut into passages. */
export interface SourceDocument {
  kind: SourceKind;
  /** What a citation names: the object itself, or a dataset's resource. */
  citeId: string;
  title: string;
  link: string;
  text: string;
}

const MAX_CANDIDATES = 5000;
const STATS_TTL_MS = 30_000;

/**
 * The retrieval index: passages of published content with their folded terms, kept per
 * source object (an update replaces the object's passages), searched with BM25.
 */
export class PassageIndex {
  private stats: { value: CorpusStats; at: number } | null = null;

  constructor(
    private readonly models: AssistantModels,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Replaces the passages of one source object (idempotent); no documents drop them. */
  put(sourceType: SourceType, sourceId: string, docs: readonly SourceDocument[]): Promise<number> {
    return this.replace(sourceType, [{ id: sourceId, docs }]);
  }

  /** Drops every passage of one source object. */
  async remove(sourceType: SourceType, sourceId: string): Promise<void> {
    await this.replace(sourceType, [{ id: sourceId, docs: [] }]);
  }

  /**
   * Replaces the passages of several source objects of one type (idempotent): one write of
   * all their passages and one delete of those they no longer have, whatever their number.
   * An object without documents loses its passages. (A delete per object read the whole
   * collection each time on FerretDB, which has no secondary indexes: re-indexing 10,000
   * imported articles took minutes of the database's time.)
   */
  async replace(
    sourceType: SourceType,
    objects: readonly { id: string; docs: readonly SourceDocument[] }[],
  ): Promise<number> {
    if (!objects.length) return 0;
    const { Passage } = this.models;
    const passages = objects.flatMap((o) => this.passagesOf(sourceType, o.id, o.docs));
    if (passages.length)
      await Passage.bulkWrite(
        passages.map((p) => ({
          replaceOne: { filter: { _id: p._id }, replacement: p, upsert: true },
        })),
        { ordered: false },
      );
    await Passage.deleteMany({
      sourceType,
      sourceId: { $in: objects.map((o) => o.id) },
      _id: { $nin: passages.map((p) => p._id) },
    });
    this.stats = null;
    return passages.length;
  }

  private passagesOf(
    sourceType: SourceType,
    sourceId: string,
    docs: readonly SourceDocument[],
  ): PassageDoc[] {
    const indexedAt = this.now();
    return docs.flatMap((doc) =>
      chunkText(doc.text).map((text, i) => {
        // The title counts with every passage of its object, so questions about it find them.
        const terms = [...indexTerms(doc.title), ...indexTerms(text)];
        return {
          _id: `${sourceType}:${sourceId}:${doc.citeId}:${i}`,
          sourceType,
          sourceId,
          kind: doc.kind,
          citeId: doc.citeId,
          title: doc.title,
          link: doc.link,
          text,
          terms,
          termSet: [...new Set(terms)],
          length: terms.length,
          indexedAt,
        };
      }),
    );
  }

  /** The source ids of a type that have passages (for rebuilds that drop what is gone). */
  async sourceIds(sourceType: SourceType): Promise<string[]> {
    const ids = (await this.models.Passage.distinct('sourceId', { sourceType })) as string[];
    return ids.map(String);
  }

  private async corpusStats(): Promise<CorpusStats> {
    if (this.stats && Date.now() - this.stats.at < STATS_TTL_MS) return this.stats.value;
    const [row] = await this.models.Passage.aggregate<{ _id: null; total: number }>([
      { $group: { _id: null, total: { $sum: '$length' } } },
    ]);
    const documents = await this.models.Passage.countDocuments({});
    const value = { documents, averageLength: documents ? (row?.total ?? 0) / documents : 1 };
    this.stats = { value, at: Date.now() };
    return value;
  }

  /**
   * Passages ranked by BM25 for `terms` (words and pairs); `topicWords` measure how much of
   * the question each passage covers; `weights` lower the terms of an earlier turn.
   */
  async search(
    terms: readonly string[],
    topicWords: readonly string[],
    options: { limit?: number; weights?: ReadonlyMap<string, number> } = {},
  ): Promise<Scored[]> {
    if (!terms.length) return [];
    const candidates = await this.models.Passage.find({ termSet: { $in: [...terms] } })
      .limit(MAX_CANDIDATES)
      .lean<PassageDoc[]>();
    if (candidates.length === MAX_CANDIDATES)
      this.logger.warn({ terms }, 'retrieval candidates capped; ranking a subset');
    const df = new Map<string, number>();
    for (const c of candidates)
      for (const t of c.termSet) if (terms.includes(t)) df.set(t, (df.get(t) ?? 0) + 1);
    const ranked = rankBm25(
      candidates,
      terms,
      topicWords,
      df,
      await this.corpusStats(),
      options.weights,
    );
    return ranked.slice(0, options.limit ?? 10);
  }
}
