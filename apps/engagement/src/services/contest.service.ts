import { Types } from 'mongoose';
import { requireRole, requireSignedIn, type Viewer } from '@portal/auth';
import { insertOnce, isDuplicateKeyError, paginate, toObjectId } from '@portal/db';
import { badInput, conflict, forbidden, notFound } from '@portal/errors';
import { parseArgs, parseInput } from '@portal/graphql-kit';
import type { Logger } from '@portal/logger';
import { jobId, type LibraryEvent, type Outbox } from '@portal/queue';
import { z } from 'zod';
import {
  contestInput,
  entryInput,
  judgeIdsInput,
  promotionInput,
  scoresInput,
  winnersInput,
} from '../domain/contest-input';
import {
  awardForRank,
  canSeeContest,
  currentRound,
  resultsYear,
  isContestEditor,
  isNewAccount,
  submissionOpen,
  weightedScore,
  type Round,
} from '../domain/contest-rules';
import { plainText } from '../domain/input-text';
import type { EngagementModels } from '../models';
import type { ContestEntryDoc, JudgeScoreDoc } from '../models/contest-entry.model';
import type { ContestPromotionDoc } from '../models/contest-promotion.model';
import type { ContestDoc } from '../models/contest.model';
import { touchProfile } from './profiles';
import { EngagementService } from './engagement.service';
import type { Limiter } from './survey.service';

export interface ContestServiceOptions {
  models: EngagementModels;
  /** Jobs that must follow a write (the promotion handed to the library). */
  outbox: Pick<Outbox, 'add'>;
  /** Public votes per person, as the forum limits votes. */
  voteLimit: Limiter;
  /** People first seen by this service less than this many days ago may not vote (0: anyone). */
  newAccountDays: number;
  logger: Logger;
  now: () => Date;
}

export interface EntryStanding {
  entry: ContestEntryDoc;
  judgeScore: number | null;
  votes: number;
}

const listArgs = z.object({ first: z.number().nullish(), after: z.string().nullish() });

/**
 * Online contests: editors set rounds, criteria, prizes and judges; people submit and edit
 * entries while a submission round runs; judges score them (hidden until results are
 * published) or declare a conflict of interest; signed-in people vote once per public-vote
 * round; editors publish results and winners.
 */
export class ContestService extends EngagementService<ContestDoc, ContestServiceOptions> {
  constructor(o: ContestServiceOptions) {
    super(o, 'contests', { model: o.models.Contest, what: 'Contest', canSee: canSeeContest });
  }

  list(viewer: Viewer, args: unknown) {
    const { first, after } = parseArgs(listArgs, args);
    return paginate(this.o.models.Contest, {
      filter: isContestEditor(viewer) ? {} : { status: 'PUBLISHED' },
      sort: [
        ['createdAt', -1],
        ['_id', -1],
      ],
      first,
      after,
    });
  }

  current(contest: ContestDoc): Round | null {
    return currentRound(contest.rounds, this.now);
  }

  isJudge(viewer: Viewer, contest: ContestDoc): boolean {
    return viewer.id !== null && contest.judgeIds.includes(viewer.id);
  }

  async create(viewer: Viewer, raw: unknown): Promise<ContestDoc> {
    requireRole(viewer, 'editor');
    const input = parseInput(contestInput, raw);
    const now = this.now;
    const doc = await this.o.models.Contest.create({
      ...input,
      rounds: input.rounds.map((r, i) => ({ id: `r${i + 1}`, ...r })),
      criteria: (input.criteria ?? []).map((c, i) => ({ id: `c${i + 1}`, ...c })),
      prizes: [...(input.prizes ?? [])].sort((a, b) => a.rank - b.rank),
      judgeIds: [],
      status: 'DRAFT',
      resultsPublishedAt: null,
      winners: [],
      createdBy: viewer.id,
      createdAt: now,
      updatedAt: now,
    });
    return doc.toObject();
  }

  async publish(viewer: Viewer, id: string): Promise<ContestDoc> {
    requireRole(viewer, 'editor');
    const contest = await this.require(viewer, id);
    return (await this.o.models.Contest.findOneAndUpdate(
      { _id: contest._id },
      { $set: { status: 'PUBLISHED', updatedAt: this.now } },
      { new: true },
    ).lean<ContestDoc>())!;
  }

  async assignJudges(viewer: Viewer, id: string, raw: unknown): Promise<ContestDoc> {
    requireRole(viewer, 'editor');
    const contest = await this.require(viewer, id);
    const judgeIds = [...new Set(parseInput(judgeIdsInput, raw, 'judgeIds'))];
    return (await this.o.models.Contest.findOneAndUpdate(
      { _id: contest._id },
      { $set: { judgeIds, updatedAt: this.now } },
      { new: true },
    ).lean<ContestDoc>())!;
  }

  /** One entry per person and contest (a unique index); a second is CONFLICT. */
  async submitEntry(viewer: Viewer, contestId: string, raw: unknown): Promise<ContestEntryDoc> {
    requireSignedIn(viewer);
    const contest = await this.require(viewer, contestId);
    if (this.isJudge(viewer, contest)) throw forbidden('Judges do not enter their own contest');
    const input = parseInput(entryInput, raw);
    if (contest.status !== 'PUBLISHED' || !submissionOpen(contest.rounds, this.now))
      throw conflict('Entries are not being taken now');
    await this.touch(viewer);
    try {
      const now = this.now;
      return (
        await this.o.models.ContestEntry.create({
          contestId: contest._id,
          ownerId: viewer.id,
          ownerName: viewer.displayName,
          title: input.title,
          description: input.description,
          fileIds: input.fileIds ?? [],
          team: input.team,
          createdAt: now,
          updatedAt: now,
        })
      ).toObject();
    } catch (err) {
      if (isDuplicateKeyError(err))
        throw conflict('You already have an entry in this contest; edit it');
      throw err;
    }
  }

  /** The owner edits their entry until the submission round ends. */
  async updateEntry(viewer: Viewer, entryId: string, raw: unknown): Promise<ContestEntryDoc> {
    requireSignedIn(viewer);
    const { entry, contest } = await this.requireEntry(viewer, entryId);
    if (entry.ownerId !== viewer.id) throw forbidden('Only the entry’s owner edits it');
    const input = parseInput(entryInput, raw);
    if (!submissionOpen(contest.rounds, this.now))
      throw conflict('The submission deadline has passed');
    return (await this.o.models.ContestEntry.findOneAndUpdate(
      { _id: entry._id },
      {
        $set: {
          title: input.title,
          description: input.description,
          fileIds: input.fileIds ?? [],
          team: input.team,
          updatedAt: this.now,
        },
      },
      { new: true },
    ).lean<ContestEntryDoc>())!;
  }

  private async requireEntry(viewer: Viewer, entryId: string) {
    const _id = toObjectId(entryId);
    const entry = _id
      ? await this.o.models.ContestEntry.findById(_id).lean<ContestEntryDoc>()
      : null;
    const contest = entry ? await this.get(viewer, entry.contestId.toHexString()) : null;
    if (!entry || !contest) throw notFound('Entry');
    return { entry, contest };
  }

  entries(contest: ContestDoc): Promise<ContestEntryDoc[]> {
    return this.o.models.ContestEntry.find({ contestId: contest._id })
      .sort({ createdAt: 1 })
      .limit(1000)
      .lean<ContestEntryDoc[]>()
      .exec();
  }

  async myEntry(viewer: Viewer, contest: ContestDoc): Promise<ContestEntryDoc | null> {
    if (!viewer.id) return null;
    return this.o.models.ContestEntry.findOne({
      contestId: contest._id,
      ownerId: viewer.id,
    }).lean<ContestEntryDoc>();
  }

  /** A judge scores an entry on the contest's criteria; scoring again replaces their scores. */
  async score(
    viewer: Viewer,
    entryId: string,
    rawScores: unknown,
    rawComment: unknown,
  ): Promise<JudgeScoreDoc> {
    requireSignedIn(viewer);
    const { entry, contest } = await this.requireEntry(viewer, entryId);
    if (!this.isJudge(viewer, contest)) throw forbidden('Only the contest’s judges score entries');
    const id = `${entry._id.toHexString()}:${viewer.id}`;
    if (await this.o.models.ContestConflict.exists({ _id: id }))
      throw forbidden('You declared a conflict of interest with this entry');
    const scores = parseInput(scoresInput, rawScores, 'scores');
    const comment =
      rawComment == null ? null : parseInput(plainText(0, 2000), rawComment, 'comment') || null;
    const criteria = new Map(contest.criteria.map((c) => [c.id, c]));
    const problems = scores.flatMap((s, i) => {
      const c = criteria.get(s.criterionId);
      if (!c)
        return [
          { field: `scores.${i}.criterionId`, message: 'is not a criterion of this contest' },
        ];
      if (s.score > c.maxScore)
        return [{ field: `scores.${i}.score`, message: `must be at most ${c.maxScore}` }];
      return [];
    });
    if (problems.length) throw badInput(problems);
    if (contest.resultsPublishedAt) throw conflict('Results are published');
    const doc: JudgeScoreDoc = {
      _id: id,
      contestId: contest._id,
      entryId: entry._id,
      judgeId: viewer.id,
      scores,
      comment,
      weighted: weightedScore(contest.criteria, scores),
      updatedAt: this.now,
    };
    try {
      await this.o.models.JudgeScore.replaceOne({ _id: id }, doc, { upsert: true });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      await this.o.models.JudgeScore.replaceOne({ _id: id }, doc);
    }
    return doc;
  }

  /** A judge declares a conflict with an entry: their score of it is withdrawn and refused. */
  async declareConflict(
    viewer: Viewer,
    entryId: string,
    rawReason: unknown,
  ): Promise<ContestEntryDoc> {
    requireSignedIn(viewer);
    const { entry, contest } = await this.requireEntry(viewer, entryId);
    if (!this.isJudge(viewer, contest))
      throw forbidden('Only the contest’s judges declare conflicts');
    const reason = parseInput(plainText(3, 1000), rawReason, 'reason');
    const id = `${entry._id.toHexString()}:${viewer.id}`;
    try {
      await this.o.models.ContestConflict.create({
        _id: id,
        contestId: contest._id,
        entryId: entry._id,
        judgeId: viewer.id,
        reason,
        declaredAt: this.now,
      });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    await this.o.models.JudgeScore.deleteOne({ _id: id });
    this.log.info({ entryId, judgeId: viewer.id }, 'conflict of interest declared');
    return entry;
  }

  async myScore(viewer: Viewer, entry: ContestEntryDoc): Promise<JudgeScoreDoc | null> {
    if (!viewer.id) return null;
    return this.o.models.JudgeScore.findById(
      `${entry._id.toHexString()}:${viewer.id}`,
    ).lean<JudgeScoreDoc>();
  }

  async conflictDeclared(viewer: Viewer, entry: ContestEntryDoc): Promise<boolean> {
    if (!viewer.id) return false;
    return (
      (await this.o.models.ContestConflict.exists({
        _id: `${entry._id.toHexString()}:${viewer.id}`,
      })) !== null
    );
  }

  /**
   * One vote per signed-in person per public-vote round (a unique id), with the forum's
   * anti-abuse rules: accounts new to the portal's engagement wait, and votes are
   * rate-limited. Voting again in the round is CONFLICT.
   */
  async vote(viewer: Viewer, entryId: string): Promise<ContestEntryDoc> {
    requireSignedIn(viewer);
    if (viewer.apiClient || viewer.service) throw forbidden('Only people vote');
    const { entry, contest } = await this.requireEntry(viewer, entryId);
    const round = this.current(contest);
    if (round?.kind !== 'PUBLIC_VOTE') throw conflict('Public voting is not open');
    const firstSeenAt = await this.touch(viewer);
    if (isNewAccount(firstSeenAt, this.now, this.o.newAccountDays))
      throw forbidden(`New accounts may vote after ${this.o.newAccountDays} days`);
    await this.o.voteLimit.consume(viewer.id);
    try {
      await this.o.models.ContestVote.create({
        _id: `${contest._id.toHexString()}:${round.id}:${viewer.id}`,
        contestId: contest._id,
        roundId: round.id,
        entryId: entry._id,
        userId: viewer.id,
        createdAt: this.now,
      });
    } catch (err) {
      if (isDuplicateKeyError(err)) throw conflict('You have already voted in this round');
      throw err;
    }
    return entry;
  }

  async viewerVote(viewer: Viewer, contest: ContestDoc): Promise<string | null> {
    const round = this.current(contest);
    if (!viewer.id || round?.kind !== 'PUBLIC_VOTE') return null;
    const vote = await this.o.models.ContestVote.findById(
      `${contest._id.toHexString()}:${round.id}:${viewer.id}`,
    ).lean();
    return vote ? vote.entryId.toHexString() : null;
  }

  /** Scores and vote counts become public with the results; editors see them all along. */
  standingsVisible(viewer: Viewer, contest: ContestDoc): boolean {
    return contest.resultsPublishedAt !== null || isContestEditor(viewer);
  }

  /** Every entry's average judge score and public votes, with three queries. */
  async standings(viewer: Viewer, contest: ContestDoc): Promise<EntryStanding[] | null> {
    if (!this.standingsVisible(viewer, contest)) return null;
    const { ContestVote, JudgeScore } = this.o.models;
    const [entries, scores, votes] = await Promise.all([
      this.entries(contest),
      JudgeScore.find({ contestId: contest._id }, { entryId: 1, weighted: 1 }).lean(),
      ContestVote.aggregate<{ _id: Types.ObjectId; n: number }>([
        { $match: { contestId: contest._id } },
        { $group: { _id: '$entryId', n: { $sum: 1 } } },
      ]),
    ]);
    const byEntry = new Map<string, number[]>();
    for (const s of scores) {
      const key = s.entryId.toHexString();
      byEntry.set(key, [...(byEntry.get(key) ?? []), s.weighted]);
    }
    const voteCount = new Map(votes.map((v) => [String(v._id), v.n]));
    return entries
      .map((entry) => {
        const list = byEntry.get(entry._id.toHexString()) ?? [];
        return {
          entry,
          judgeScore: list.length
            ? Math.round((list.reduce((a, b) => a + b, 0) / list.length) * 100) / 100
            : null,
          votes: voteCount.get(entry._id.toHexString()) ?? 0,
        };
      })
      .sort((a, b) => (b.judgeScore ?? -1) - (a.judgeScore ?? -1) || b.votes - a.votes);
  }

  /** Editors publish the results: the winners (by prize rank) and, from then on, every score. */
  async publishResults(viewer: Viewer, id: string, rawWinners: unknown): Promise<ContestDoc> {
    requireRole(viewer, 'editor');
    const contest = await this.require(viewer, id);
    const winners = parseInput(winnersInput, rawWinners, 'winners');
    const entries = await this.o.models.ContestEntry.find(
      { contestId: contest._id, _id: { $in: winners.map((w) => new Types.ObjectId(w.entryId)) } },
      { _id: 1 },
    ).lean();
    const known = new Set(entries.map((e) => e._id.toHexString()));
    const problems = winners.flatMap((w, i) =>
      known.has(w.entryId)
        ? []
        : [{ field: `winners.${i}.entryId`, message: 'is not an entry of this contest' }],
    );
    if (problems.length) throw badInput(problems);
    return (await this.o.models.Contest.findOneAndUpdate(
      { _id: contest._id },
      {
        $set: {
          winners: winners.map((w) => ({ entryId: new Types.ObjectId(w.entryId), rank: w.rank })),
          resultsPublishedAt: this.now,
          updatedAt: this.now,
        },
      },
      { new: true },
    ).lean<ContestDoc>())!;
  }

  /**
   * Editors: a winner of a contest whose results are published goes to the library's
   * showcase. The library owns the showcase, so this records the promotion here (once per
   * entry: an insert under the entry's id) and hands the library a `library-events` job
   * through the outbox, with the showcase entry's id chosen here; the library creates that
   * entry once. Asking again hands over the same job (recovering one that was lost) and
   * changes nothing.
   */
  async promote(viewer: Viewer, entryId: string, raw: unknown): Promise<ContestEntryDoc> {
    requireRole(viewer, 'editor');
    const input = parseInput(promotionInput, raw);
    const { entry, contest } = await this.requireEntry(viewer, entryId);
    const winner = contest.resultsPublishedAt
      ? contest.winners.find((w) => w.entryId.equals(entry._id))
      : undefined;
    if (!winner || !contest.resultsPublishedAt)
      throw badInput([
        { field: 'entryId', message: 'is not a winner of a contest whose results are published' },
      ]);
    const id = entry._id.toHexString();
    const payload: LibraryEvent = {
      type: 'showcase.promote',
      showcaseEntryId: new Types.ObjectId().toHexString(),
      contestId: contest._id.toHexString(),
      contestEntryId: id,
      contestTitle: contest.title,
      title: entry.title,
      description: entry.description,
      team: entry.team.map((m) => ({ name: m.name, role: m.role ?? null })),
      award: input.award ?? awardForRank(winner.rank),
      awardTitle: contest.prizes.find((p) => p.rank === winner.rank)?.title ?? null,
      year: resultsYear(contest.resultsPublishedAt),
      category: input.category,
      tryItUrl: input.tryItUrl,
      demoVideoItemId: input.demoVideoItemId ?? null,
      promotedBy: viewer.id,
    };
    const claimed = await insertOnce(this.o.models.ContestPromotion, {
      _id: id,
      contestId: payload.contestId,
      showcaseEntryId: payload.showcaseEntryId,
      payload,
      promotedBy: viewer.id,
      promotedAt: this.now,
    });
    const promotion = claimed
      ? null
      : await this.o.models.ContestPromotion.findById(id).lean<ContestPromotionDoc>();
    await this.o.outbox.add('library-events', promotion?.payload ?? payload, {
      jobId: jobId('showcase-promote', id),
    });
    if (claimed) this.log.info({ entryId: id, contestId: payload.contestId }, 'entry promoted');
    return entry;
  }

  /** The showcase entry id of each promoted entry (one query for any number of entries). */
  async showcaseIds(entryIds: readonly string[]): Promise<Map<string, string>> {
    const found = await this.o.models.ContestPromotion.find(
      { _id: { $in: [...entryIds] } },
      { showcaseEntryId: 1 },
    ).lean<Pick<ContestPromotionDoc, '_id' | 'showcaseEntryId'>[]>();
    return new Map(found.map((p) => [p._id, p.showcaseEntryId]));
  }

  private touch(viewer: Viewer & { id: string }): Promise<Date> {
    return touchProfile(this.o.models.Profile, viewer, this.now);
  }
}
