import type { Connection, Query, Schema } from 'mongoose';
import type { Logger } from '@portal/logger';
import { bumpVersions, registerTrackedType } from './page-cache';

/** What changed in the graph (see GraphChange in @portal/queue, which carries it to the gateway). */
export interface TrackedChange {
  type: string;
  ids: string[];
  lists: boolean;
}

export type GraphChangeSink = (changes: TrackedChange[]) => Promise<void>;

export interface TrackGraphChangesOptions {
  /** The GraphQL type the documents are, e.g. `Article`. */
  type: string;
  /**
   * Paths whose change can add, remove or reorder the type's objects in lists (status,
   * visibility, sort keys, filter fields). A change to other paths only touches the
   * object's own answers. Default: every path.
   */
  listPaths?: readonly string[];
  /**
   * Other graph objects that change with a document, given the document (saves, inserts,
   * findOneAnd*) or else the query's filter: e.g. a reply changes its thread's replyCount.
   */
  related?: (docOrFilter: Record<string, unknown>) => TrackedChange[];
  /**
   * The object a document belongs to for its whole life, whose id it holds in `idPath`: the
   * `related` of a reply (type `Thread`, idPath `threadId`), with the parent's lists when
   * `lists` is set. Read from the document, or from the filter and the values a query write
   * sets (an upsert by `_id` names its parent in the replacement).
   */
  parent?: { type: string; idPath: string; lists: boolean };
}

/** The `related` of a document that belongs to `parent` (a filter without its id names none). */
function parentChanges({ type, idPath, lists }: NonNullable<TrackGraphChangesOptions['parent']>) {
  return (doc: Record<string, unknown>): TrackedChange[] => [
    { type, ids: doc[idPath] ? [String(doc[idPath])] : [], lists },
  ];
}

const sinks = new WeakMap<Connection, { sink: GraphChangeSink; logger?: Logger }>();

/**
 * Sends the graph changes of every tracked model of `conn` to `sink` (the gateway's cache
 * purge, through Redis). A write has happened when the sink is called; a failing sink is
 * logged and never fails the write (the cached answers then live to their max-age).
 */
export function sendGraphChanges(conn: Connection, sink: GraphChangeSink, logger?: Logger): void {
  sinks.set(conn, { sink, logger });
}

/**
 * One change per type: the union of the ids, lists changed if any said so, and the whole type
 * if any change named no ids. A bulk write reports one change for its documents and one for
 * their parents, not one per parent (an insertMany of 500 replies was 501 stream entries,
 * and the stream keeps 10,000).
 */
export function mergeChanges(changes: readonly TrackedChange[]): TrackedChange[] {
  const byType = new Map<string, { ids: Set<string>; lists: boolean; whole: boolean }>();
  for (const change of changes) {
    let merged = byType.get(change.type);
    if (!merged) byType.set(change.type, (merged = { ids: new Set(), lists: false, whole: false }));
    merged.lists ||= change.lists;
    if (!change.ids.length) merged.whole = true;
    for (const id of change.ids) merged.ids.add(id);
  }
  return [...byType].map(([type, { ids, lists, whole }]) =>
    whole ? { type, ids: [], lists: true } : { type, ids: [...ids], lists },
  );
}

async function emit(conn: Connection | undefined, written: TrackedChange[]): Promise<void> {
  if (!conn || !written.length) return;
  const changes = mergeChanges(written);
  // Cached pages and documents the write changed are never read again.
  await bumpVersions(conn, changes).catch((err) =>
    sinks.get(conn)?.logger?.warn({ err }, 'cached pages and documents not dropped'),
  );
  const target = sinks.get(conn);
  if (!target) return;
  try {
    await target.sink(changes);
  } catch (err) {
    target.logger?.warn({ err }, 'graph change not sent; cached answers live to their max-age');
  }
}

const QUERY_WRITES = [
  'updateOne',
  'updateMany',
  'replaceOne',
  'findOneAndUpdate',
  'findOneAndReplace',
  'findOneAndDelete',
  'deleteOne',
  'deleteMany',
] as const;

function idsOfFilter(filter: Record<string, unknown>): string[] {
  const id = filter._id as unknown;
  if (id == null) return [];
  if (typeof id === 'object' && id !== null && '$in' in id)
    return ((id as { $in: unknown[] }).$in ?? []).map(String);
  if (typeof id === 'object' && id !== null && !('_bsontype' in id) && !('toHexString' in id))
    return [];
  return [String(id)];
}

/**
 * What a query write says of its documents: the filter's fields, then the values it sets (a
 * replacement's fields, `$set` and `$setOnInsert`).
 */
function sourceOfQueryWrite(filter: Record<string, unknown>, update: unknown) {
  if (!update || typeof update !== 'object' || Array.isArray(update)) return filter;
  const source: Record<string, unknown> = { ...filter };
  for (const [key, value] of Object.entries(update as Record<string, unknown>)) {
    if (!key.startsWith('$')) source[key] = value;
    else if ((key === '$set' || key === '$setOnInsert') && value && typeof value === 'object')
      Object.assign(source, value);
  }
  return source;
}

function pathsOfUpdate(update: unknown): string[] {
  if (!update || typeof update !== 'object' || Array.isArray(update)) return ['*'];
  const paths: string[] = [];
  for (const [key, value] of Object.entries(update as Record<string, unknown>)) {
    if (key.startsWith('$') && value && typeof value === 'object')
      paths.push(...Object.keys(value as object));
    else if (!key.startsWith('$')) paths.push(key);
  }
  return paths;
}

/**
 * Makes a schema report its writes as graph changes: document saves, inserts, and the
 * query writes (update, replace, delete). Ids come from the documents or the filter's `_id`;
 * a write whose ids are unknown changes the whole type.
 */
export function trackGraphChanges(schema: Schema, options: TrackGraphChangesOptions): void {
  registerTrackedType(schema, options.type);
  const related = options.related ?? (options.parent && parentChanges(options.parent));
  const touchesLists = (paths: readonly string[]) =>
    !options.listPaths ||
    paths.some(
      (p) => p === '*' || options.listPaths!.some((l) => p === l || p.startsWith(`${l}.`)),
    );
  const changesOf = (
    ids: string[],
    lists: boolean,
    source: Record<string, unknown> | null,
  ): TrackedChange[] => [
    { type: options.type, ids, lists: lists || ids.length === 0 },
    ...(related && source ? related(source) : []),
  ];

  schema.pre('save', function () {
    this.$locals.graphChange = { isNew: this.isNew, paths: this.modifiedPaths() };
  });
  schema.post('save', async function (doc) {
    const before = doc.$locals.graphChange as { isNew: boolean; paths: string[] } | undefined;
    const lists = !before || before.isNew || touchesLists(before.paths);
    await emit(doc.db, changesOf([String(doc._id)], lists, doc.toObject()));
  });
  schema.post('insertMany', async function (this: { db: Connection }, docs: unknown) {
    const list = (Array.isArray(docs) ? docs : [docs]) as { _id: unknown; toObject?: () => any }[];
    if (!list.length) return;
    const relatedChanges = related
      ? list.flatMap((d) => related(d.toObject?.() ?? (d as Record<string, unknown>)))
      : [];
    await emit(this.db, [
      { type: options.type, ids: list.map((d) => String(d._id)), lists: true },
      ...relatedChanges,
    ]);
  });
  schema.post(
    [...QUERY_WRITES] as unknown as RegExp,
    async function (this: Query<unknown, unknown>, result: unknown) {
      const op = (this as unknown as { op?: string }).op ?? '';
      const summary = (result ?? {}) as {
        modifiedCount?: number;
        deletedCount?: number;
        upsertedCount?: number;
        _id?: unknown;
      };
      if (
        summary.modifiedCount === 0 &&
        !summary.upsertedCount &&
        summary.deletedCount === undefined
      )
        return;
      if (summary.deletedCount === 0) return;
      if (op.startsWith('findOneAnd') && result == null) return;
      const filter = this.getFilter() as Record<string, unknown>;
      const doc = op.startsWith('findOneAnd')
        ? (result as { _id?: unknown; toObject?: () => any })
        : null;
      const ids = doc?._id != null ? [String(doc._id)] : idsOfFilter(filter);
      const lists =
        op.includes('elete') ||
        op.includes('eplace') ||
        touchesLists(pathsOfUpdate(this.getUpdate()));
      const source = doc ? (doc.toObject?.() ?? doc) : sourceOfQueryWrite(filter, this.getUpdate());
      await emit(this.model.db, changesOf(ids, lists, source));
    },
  );
}
