import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';
import { Schema, type Connection, type Model } from 'mongoose';
import { findByIds } from '../by-ids';
import { dayKey } from './stat-periods';

/**
 * One document per city month (`_id` `YYYY-MM`) holding one short string per subject (a
 * thread, a subscriber) whose instant falls in the month: `p`, the month's facts when they
 * were last packed (`compact`: lines of `id<TAB>fact`, deflated), and `f`, what was written
 * since, one field per subject (`''` for a subject removed). `v` counts the writes, so a
 * compaction only replaces what it read. The document `built` says when the facts were first
 * built.
 */
interface MonthFactsDoc {
  _id: string;
  p?: Uint8Array | { buffer: Uint8Array };
  f?: Record<string, string>;
  v?: number;
  builtAt?: Date;
}

const BUILT = 'built';
/** A subject removed since the month was packed. */
const REMOVED = '';
const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);

/** `2026-11` for an instant, by the city's calendar (UTC+7). */
export function cityMonth(at: Date): string {
  return dayKey(at).slice(0, 7);
}

/** Every month from `first` to `last` (`YYYY-MM`), both included. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let m = first; m <= last;) {
    months.push(m);
    month++;
    if (month > 12) [year, month] = [year + 1, 1];
    m = `${year}-${String(month).padStart(2, '0')}`;
  }
  return months;
}

/** One subject's fact, as stored. */
export interface StoredFact {
  id: string;
  month: string;
  fact: string;
}

/** What a subject's fact should be, from its records. */
export interface CurrentFact {
  at: Date;
  fact: string;
}

/**
 * Facts about the subjects of a statistic, kept on write, so a statistic over a year reads
 * its 12 or 13 month documents by id instead of every record: FerretDB decodes every document
 * it returns (0.3–0.6 ms each here), which put a year of 5,000 forum threads at seconds.
 * Each subject has one short string (the caller's encoding) in the month of its instant
 * (a thread's opening, which never changes), set or removed whole (`put`), so writing it
 * again is harmless and concurrent writers of different subjects never meet (updates of one
 * document are atomic on MongoDB and in our FerretDB build). `reconcile` makes the facts equal
 * to what the records say (the first build, and the periodic check that repairs a fact whose
 * write failed after its record's).
 */
export class MonthFacts {
  readonly model: Model<MonthFactsDoc>;

  constructor(conn: Connection, collection: string) {
    const name = `MonthFacts_${collection}`;
    this.model =
      (conn.models[name] as Model<MonthFactsDoc> | undefined) ??
      conn.model<MonthFactsDoc>(
        name,
        new Schema<MonthFactsDoc>(
          { _id: String, p: Buffer, f: { type: Schema.Types.Mixed }, v: Number, builtAt: Date },
          { collection, versionKey: false },
        ),
      );
  }

  /** Sets the subject's fact in the month of `at`, or removes it (`null`). */
  async put(id: string, at: Date, fact: string | null): Promise<void> {
    await this.write(cityMonth(at), { [id]: fact ?? REMOVED });
  }

  /** Sets several subjects' facts, one update per month they fall in. */
  async putMany(facts: readonly (CurrentFact & { id: string })[]): Promise<void> {
    const byMonth = new ByMonth();
    for (const { id, at, fact } of facts) byMonth.add(cityMonth(at), id, fact);
    for (const [month, facts] of byMonth) await this.write(month, facts);
  }

  /**
   * Removes the subject's fact from whichever month holds it (its record is gone, and with it
   * its instant): marks it removed in every month, each mark dropped by the next compaction.
   */
  async remove(id: string): Promise<void> {
    await this.model.updateMany(
      { _id: { $ne: BUILT } },
      { $set: { [`f.${id}`]: REMOVED }, $inc: { v: 1 } },
    );
  }

  /** One month's writes (subject id → fact, `''` removed), counted in `v`. */
  private async write(month: string, facts: Record<string, string>): Promise<void> {
    for (const [id, fact] of Object.entries(facts))
      if (/[\t\n]/.test(id + fact) || id === '')
        throw new Error(
          `a month fact's id or fact holds a tab or newline, or its id is empty: ${id}`,
        );
    const $set = Object.fromEntries(Object.entries(facts).map(([id, f]) => [`f.${id}`, f]));
    await this.model.updateOne({ _id: month }, { $set, $inc: { v: 1 } }, { upsert: true });
  }

  /** When the facts were first built from the records, or null before that. */
  async builtAt(): Promise<Date | null> {
    const doc = await this.model.findOne({ _id: BUILT }, { builtAt: 1 }).lean().exec();
    return doc?.builtAt ?? null;
  }

  /** The facts of every month that overlaps [from, to). */
  async read(from: Date, to: Date): Promise<StoredFact[]> {
    return factsOf(await findByIds<MonthFactsDoc>(this.model, monthsOf(from, to)));
  }

  /**
   * What a statistic reads: the facts of the months overlapping `period` (every month without
   * one), or null before the facts are built, when the records answer. One read: the `built`
   * marker comes with the months.
   */
  async readWhenBuilt(period?: { from: Date; to: Date }): Promise<StoredFact[] | null> {
    const docs = period
      ? await findByIds<MonthFactsDoc>(this.model, [BUILT, ...monthsOf(period.from, period.to)])
      : await this.model.find().lean<MonthFactsDoc[]>().exec();
    if (!docs.some((doc) => doc._id === BUILT && doc.builtAt)) return null;
    return factsOf(docs);
  }

  /** Every stored fact. */
  async readAll(): Promise<StoredFact[]> {
    return factsOf(await this.months());
  }

  private months(): Promise<MonthFactsDoc[]> {
    return this.model
      .find({ _id: { $ne: BUILT } })
      .lean()
      .exec();
  }

  /**
   * Packs each month's facts written since its last compaction into its `p`, so the server
   * returns one short binary value per month instead of one field per subject (FerretDB
   * decodes each field, about 10 µs apiece, and a long string slowly: a year of 22,000
   * contribution facts read in 274 ms as fields, 150 ms as one JSON string, about 25 ms
   * deflated). A month written to while this ran keeps its writes and is packed next time.
   * Returns how many months it packed.
   */
  async compact(): Promise<number> {
    let packed = 0;
    for (const doc of await this.months()) {
      if (!doc.f || Object.keys(doc.f).length === 0) continue;
      const lines = [...(await monthFacts(doc))].map(([id, fact]) => `${id}\t${fact}`);
      const res = await this.model.updateOne(
        { _id: doc._id, v: doc.v ?? { $exists: false } },
        { $set: { p: await deflate(Buffer.from(lines.join('\n'))) }, $unset: { f: 1 } },
      );
      packed += res.modifiedCount;
    }
    return packed;
  }

  /**
   * Makes the stored facts what `current` says (subject id → its fact now): sets the new and
   * changed ones, removes those of subjects gone; one update per month. Marks the facts built.
   * Returns how many facts it changed.
   */
  private async sync(current: ReadonlyMap<string, CurrentFact>): Promise<number> {
    const stored = new Map((await this.readAll()).map((s) => [s.id, s]));
    const updates = new ByMonth();
    let changed = 0;
    for (const [id, want] of current) {
      const month = cityMonth(want.at);
      const have = stored.get(id);
      if (have && have.month === month && have.fact === want.fact) continue;
      if (have && have.month !== month) updates.add(have.month, id, REMOVED);
      updates.add(month, id, want.fact);
      changed++;
    }
    for (const have of stored.values())
      if (!current.has(have.id)) {
        updates.add(have.month, have.id, REMOVED);
        changed++;
      }
    for (const [month, facts] of updates) await this.write(month, facts);
    await this.model
      .updateOne(
        { _id: BUILT, builtAt: { $exists: false } },
        { $set: { builtAt: new Date() } },
        { upsert: true },
      )
      .catch((err: { code?: number }) => {
        // Another builder marked it first.
        if (err.code !== 11000) throw err;
      });
    return changed;
  }

  /**
   * Makes the facts match the records: `sync` with what `fromRecords` reads, then, if that
   * changed anything, `refresh` (which writes one subject's fact from its records) for every
   * subject that still differs, since one written while the sync ran may have been given the
   * fact read before its write. A sync that changed nothing wrote nothing stale, so the usual
   * daily check reads the records once. Then packs the months (`compact`).
   */
  async reconcile(
    fromRecords: () => Promise<ReadonlyMap<string, CurrentFact>>,
    refresh: (id: string) => Promise<void>,
  ): Promise<{ changed: number; refreshed: number }> {
    const changed = await this.sync(await fromRecords());
    let refreshed = 0;
    if (changed > 0) {
      const stored = new Map((await this.readAll()).map((s) => [s.id, s.fact]));
      const current = await fromRecords();
      const differing = [
        ...[...current].filter(([id, f]) => stored.get(id) !== f.fact).map(([id]) => id),
        ...[...stored.keys()].filter((id) => !current.has(id)),
      ];
      for (const id of differing) await refresh(id);
      refreshed = differing.length;
    }
    await this.compact();
    return { changed, refreshed };
  }
}

/** The months that overlap [from, to). */
function monthsOf(from: Date, to: Date): string[] {
  return monthsBetween(cityMonth(from), cityMonth(new Date(to.getTime() - 1)));
}

/** Facts to write, grouped by month. */
class ByMonth extends Map<string, Record<string, string>> {
  add(month: string, id: string, fact: string): void {
    const facts = this.get(month);
    if (facts) facts[id] = fact;
    else this.set(month, { [id]: fact });
  }
}

/** A month's facts: the packed ones with the writes since laid over them. */
async function monthFacts(doc: MonthFactsDoc): Promise<Map<string, string>> {
  const facts = new Map<string, string>();
  if (doc.p) {
    // The driver returns a binary value as a BSON Binary (lean) or a Buffer.
    const bytes = doc.p instanceof Uint8Array ? doc.p : doc.p.buffer;
    for (const line of (await inflate(bytes)).toString('utf8').split('\n')) {
      const tab = line.indexOf('\t');
      if (tab > 0) facts.set(line.slice(0, tab), line.slice(tab + 1));
    }
  }
  for (const [id, fact] of Object.entries(doc.f ?? {}))
    if (fact === REMOVED) facts.delete(id);
    else facts.set(id, fact);
  return facts;
}

async function factsOf(docs: readonly MonthFactsDoc[]): Promise<StoredFact[]> {
  const months = await Promise.all(
    docs
      .filter((doc) => doc._id !== BUILT)
      .map(async (doc) => ({ doc, facts: await monthFacts(doc) })),
  );
  const out: StoredFact[] = [];
  for (const { doc, facts } of months)
    for (const [id, fact] of facts) out.push({ id, month: doc._id, fact });
  return out;
}
