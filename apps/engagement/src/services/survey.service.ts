import type { FilterQuery } from 'mongoose';
import { requireRole, type Viewer } from '@portal/auth';
import { isDuplicateKeyError, paginate } from '@portal/db';
import { conflict, forbidden } from '@portal/errors';
import { parseArgs, parseInput } from '@portal/graphql-kit';
import type { Logger } from '@portal/logger';
import { z } from 'zod';
import { versionArg } from '../domain/input-text';
import { answersInput, surveyInput, toSurveyContent } from '../domain/survey-input';
import { buildResults, type SurveyResults } from '../domain/survey-results';
import {
  canSeeSurvey,
  checkAnswers,
  isSurveyEditor,
  requireDraftRespondent,
  requireOpen,
  respondentFor,
  resultsVisible,
  surveyStatus,
  tallyKeys,
  type Respondent,
} from '../domain/survey-rules';
import { allQuestions, type Answer, type SurveyStatus } from '../domain/survey-types';
import type { EngagementModels } from '../models';
import { draftId } from '../models/survey-draft.model';
import { touchProfile } from './profiles';
import type { SurveyResponseDoc } from '../models/survey-response.model';
import type { SurveyDoc } from '../models/survey.model';
import { EngagementService } from './engagement.service';

/** What a person sees of their own answers: a saved draft or the submitted response. */
export interface ResponseView {
  id: string;
  state: 'DRAFT' | 'SUBMITTED';
  answers: Answer[];
  updatedAt: Date;
  submittedAt: Date | null;
}

export interface UnitResultsView {
  unit: string | null;
  results: SurveyResults;
}

export interface EditorResultsView {
  survey: SurveyDoc;
  overall: SurveyResults;
  byUnit: UnitResultsView[];
  csvExportPath: string;
}

/** One row of the CSV export; personal columns only for named surveys. */
export interface ExportTable {
  header: string[];
  rows: AsyncIterable<string[]>;
}

export interface Limiter {
  consume(key: string): Promise<void>;
}

export interface SurveyServiceOptions {
  models: EngagementModels;
  /** Keys the hash that stands for a person in anonymous surveys. */
  respondentSecret: string;
  /** Responses per person or client address, against ballot stuffing from one address. */
  answerLimit: Limiter;
  logger: Logger;
  now: () => Date;
}

const listArgs = z.object({
  status: z.enum(['DRAFT', 'SCHEDULED', 'OPEN', 'CLOSED']).nullish(),
  kind: z.enum(['SURVEY', 'POLL']).nullish(),
  first: z.number().nullish(),
  after: z.string().nullish(),
});

/**
 * Surveys and polls: editors build, publish and close them; people answer once; results are
 * counted from the responses. Every method takes the viewer first and decides access before
 * it looks at the rest of the input.
 */
export class SurveyService extends EngagementService<SurveyDoc, SurveyServiceOptions> {
  constructor(o: SurveyServiceOptions) {
    super(o, 'surveys', { model: o.models.Survey, what: 'Survey', canSee: canSeeSurvey });
  }

  status(survey: SurveyDoc): SurveyStatus {
    return surveyStatus(survey, this.now);
  }

  async list(viewer: Viewer, args: unknown) {
    const { status, kind, first, after } = parseArgs(listArgs, args);
    const editor = isSurveyEditor(viewer);
    if (status === 'DRAFT' && !editor) throw forbidden('Only editors see drafts');
    const now = this.now;
    const filter: FilterQuery<SurveyDoc> = {};
    if (kind) filter.kind = kind;
    if (!editor || (status && status !== 'DRAFT')) filter.publishedAt = { $ne: null };
    switch (status) {
      case 'DRAFT':
        filter.publishedAt = null;
        break;
      case 'SCHEDULED':
        Object.assign(filter, { closedAt: null, opensAt: { $gt: now } });
        break;
      case 'OPEN':
        Object.assign(filter, {
          closedAt: null,
          $and: [
            { $or: [{ opensAt: null }, { opensAt: { $lte: now } }] },
            { $or: [{ closesAt: null }, { closesAt: { $gt: now } }] },
          ],
        });
        break;
      case 'CLOSED':
        filter.$or = [{ closedAt: { $lte: now } }, { closesAt: { $lte: now } }];
        break;
      default:
    }
    return paginate(this.o.models.Survey, {
      filter,
      sort: [
        ['createdAt', -1],
        ['_id', -1],
      ],
      first,
      after,
    });
  }

  async create(viewer: Viewer, rawInput: unknown): Promise<SurveyDoc> {
    requireRole(viewer, 'editor');
    const content = toSurveyContent(parseInput(surveyInput, rawInput));
    const now = this.now;
    const doc = await this.o.models.Survey.create({
      ...content,
      attachedKey: content.attachedTo
        ? `${content.attachedTo.type}:${content.attachedTo.id}`
        : null,
      closedAt: null,
      publishedAt: null,
      createdBy: viewer.id,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    this.log.info({ surveyId: doc.id, kind: content.kind }, 'survey created');
    return doc.toObject();
  }

  async update(viewer: Viewer, id: string, rawInput: unknown, expectedVersion: unknown) {
    requireRole(viewer, 'editor');
    const survey = await this.require(viewer, id);
    const content = toSurveyContent(parseInput(surveyInput, rawInput));
    const version = parseInput(versionArg, expectedVersion, 'expectedVersion');
    if (survey.publishedAt) throw conflict('A published survey cannot be changed');
    const updated = await this.o.models.Survey.findOneAndUpdate(
      { _id: survey._id, version, publishedAt: null },
      {
        $set: {
          ...content,
          attachedKey: content.attachedTo
            ? `${content.attachedTo.type}:${content.attachedTo.id}`
            : null,
          updatedAt: this.now,
          version: version + 1,
        },
      },
      { new: true },
    ).lean<SurveyDoc>();
    if (!updated) throw conflict('The survey was changed by someone else; reload it');
    return updated;
  }

  async publish(viewer: Viewer, id: string): Promise<SurveyDoc> {
    requireRole(viewer, 'editor');
    const survey = await this.require(viewer, id);
    if (survey.publishedAt) return survey;
    const now = this.now;
    if (survey.closesAt && survey.closesAt <= now)
      throw conflict('The closing time has passed; change it before publishing');
    await this.o.models.Survey.updateOne(
      { _id: survey._id, publishedAt: null },
      { $set: { publishedAt: now, updatedAt: now }, $inc: { version: 1 } },
    );
    this.log.info({ surveyId: id }, 'survey published');
    return this.require(viewer, id);
  }

  /** Closes before the closing time; closing a closed survey changes nothing. */
  async close(viewer: Viewer, id: string): Promise<SurveyDoc> {
    requireRole(viewer, 'editor');
    const survey = await this.require(viewer, id);
    if (!survey.publishedAt) throw conflict('A draft is not open; delete or publish it');
    if (this.status(survey) === 'CLOSED') return survey;
    const now = this.now;
    await this.o.models.Survey.updateOne(
      { _id: survey._id, closedAt: null },
      { $set: { closedAt: now, updatedAt: now }, $inc: { version: 1 } },
    );
    this.log.info({ surveyId: id }, 'survey closed early');
    return this.require(viewer, id);
  }

  /** Whether the viewer may answer now (open, in the audience, not answered yet). */
  async canAnswer(viewer: Viewer, clientKey: string | null, survey: SurveyDoc): Promise<boolean> {
    if (this.status(survey) !== 'OPEN') return false;
    let respondent: Respondent;
    try {
      respondent = respondentFor(viewer, clientKey, survey, this.o.respondentSecret);
    } catch {
      return false;
    }
    const answered = await this.o.models.SurveyResponse.exists({
      surveyId: survey._id,
      respondentKey: respondent.key,
    });
    return !answered;
  }

  /**
   * What a draft or a submission starts from: the survey (NOT_FOUND unless visible), who is
   * answering, and the answers checked against its questions (`complete`: every required one
   * answered) while it is open.
   */
  private async answering(
    viewer: Viewer,
    clientKey: string | null,
    surveyId: string,
    rawAnswers: unknown,
    complete: boolean,
  ) {
    const survey = await this.require(viewer, surveyId);
    const respondent = respondentFor(viewer, clientKey, survey, this.o.respondentSecret);
    const answers = checkAnswers(
      survey.sections,
      parseInput(answersInput, rawAnswers, 'answers'),
      complete,
    );
    requireOpen(survey, this.now);
    return { survey, respondent, answers };
  }

  async saveDraft(viewer: Viewer, clientKey: string | null, surveyId: string, rawAnswers: unknown) {
    requireDraftRespondent(viewer);
    const { survey, respondent, answers } = await this.answering(
      viewer,
      clientKey,
      surveyId,
      rawAnswers,
      false,
    );
    if (await this.submitted(survey, respondent)) throw conflict('You have already answered');
    const doc = {
      _id: draftId(surveyId, respondent.key),
      surveyId: survey._id,
      answers,
      updatedAt: this.now,
    };
    const { SurveyDraft } = this.o.models;
    try {
      await SurveyDraft.replaceOne({ _id: doc._id }, doc, { upsert: true });
    } catch (err) {
      // Two saves at once: the loser's upsert met the winner's insert; the record exists now.
      if (!isDuplicateKeyError(err)) throw err;
      await SurveyDraft.replaceOne({ _id: doc._id }, doc);
    }
    return draftView(doc);
  }

  async submit(
    viewer: Viewer,
    clientKey: string | null,
    surveyId: string,
    rawAnswers: unknown,
  ): Promise<ResponseView> {
    const { survey, respondent, answers } = await this.answering(
      viewer,
      clientKey,
      surveyId,
      rawAnswers,
      true,
    );
    await this.o.answerLimit.consume(respondent.key);
    if (viewer.id)
      await touchProfile(this.o.models.Profile, viewer as Viewer & { id: string }, this.now);
    const tally = tallyKeys(survey.sections, answers);
    let created: SurveyResponseDoc;
    try {
      created = (
        await this.o.models.SurveyResponse.create({
          surveyId: survey._id,
          respondentKey: respondent.key,
          userId: respondent.userId,
          displayName: respondent.displayName,
          unit: respondent.unit,
          answers,
          tally,
          unitTally: tally.map((k) => `${respondent.unit ?? ''}|${k}`),
          submittedAt: this.now,
        })
      ).toObject();
    } catch (err) {
      if (isDuplicateKeyError(err)) throw conflict('You have already answered this survey');
      throw err;
    }
    await this.o.models.SurveyDraft.deleteOne({ _id: draftId(surveyId, respondent.key) });
    return responseView(created);
  }

  /** The viewer's submitted response, else their draft; null for neither (or for nobody). */
  async myResponse(viewer: Viewer, clientKey: string | null, survey: SurveyDoc) {
    let respondent: Respondent;
    try {
      respondent = respondentFor(viewer, clientKey, survey, this.o.respondentSecret);
    } catch {
      return null;
    }
    const submitted = await this.submitted(survey, respondent);
    if (submitted) return responseView(submitted);
    if (!viewer.id) return null;
    const draft = await this.o.models.SurveyDraft.findById(
      draftId(survey._id.toHexString(), respondent.key),
    ).lean();
    return draft ? draftView(draft) : null;
  }

  private submitted(survey: SurveyDoc, respondent: Respondent) {
    return this.o.models.SurveyResponse.findOne({
      surveyId: survey._id,
      respondentKey: respondent.key,
    }).lean<SurveyResponseDoc>();
  }

  /** Public results, when the survey shows them to this viewer. */
  async results(viewer: Viewer, survey: SurveyDoc): Promise<SurveyResults | null> {
    if (!resultsVisible(viewer, survey, this.now)) return null;
    return this.countResults(survey);
  }

  async responseCount(viewer: Viewer, survey: SurveyDoc): Promise<number | null> {
    if (!resultsVisible(viewer, survey, this.now)) return null;
    return this.o.models.SurveyResponse.countDocuments({ surveyId: survey._id });
  }

  private async countResults(survey: SurveyDoc): Promise<SurveyResults> {
    const { SurveyResponse } = this.o.models;
    const [count, tally] = await Promise.all([
      SurveyResponse.countDocuments({ surveyId: survey._id }),
      SurveyResponse.aggregate<{ _id: string; n: number }>([
        { $match: { surveyId: survey._id } },
        { $unwind: '$tally' },
        { $group: { _id: '$tally', n: { $sum: 1 } } },
      ]),
    ]);
    return buildResults(survey.sections, new Map(tally.map((t) => [t._id, t.n])), count);
  }

  async editorResults(viewer: Viewer, id: string): Promise<EditorResultsView> {
    requireRole(viewer, 'editor');
    const survey = await this.require(viewer, id);
    const { SurveyResponse } = this.o.models;
    const [overall, units, unitTally] = await Promise.all([
      this.countResults(survey),
      SurveyResponse.aggregate<{ _id: string | null; n: number }>([
        { $match: { surveyId: survey._id } },
        { $group: { _id: '$unit', n: { $sum: 1 } } },
      ]),
      SurveyResponse.aggregate<{ _id: string; n: number }>([
        { $match: { surveyId: survey._id } },
        { $unwind: '$unitTally' },
        { $group: { _id: '$unitTally', n: { $sum: 1 } } },
      ]),
    ]);
    const byUnit = new Map<string, Map<string, number>>();
    for (const { _id, n } of unitTally) {
      const bar = _id.indexOf('|');
      const unit = _id.slice(0, bar);
      if (!byUnit.has(unit)) byUnit.set(unit, new Map());
      byUnit.get(unit)!.set(_id.slice(bar + 1), n);
    }
    return {
      survey,
      overall,
      byUnit: units
        .map((u) => ({
          unit: u._id || null,
          results: buildResults(survey.sections, byUnit.get(u._id ?? '') ?? new Map(), u.n),
        }))
        // Units in code order; respondents with no unit last.
        .sort((a, b) =>
          a.unit === null ? 1 : b.unit === null ? -1 : a.unit.localeCompare(b.unit),
        ),
      csvExportPath: `/engagement/surveys/${survey._id.toHexString()}/responses.csv`,
    };
  }

  /**
   * The responses as a table, read with a cursor so any number streams in constant memory.
   * Named surveys carry who answered and their unit; anonymous ones carry no personal data.
   */
  async exportTable(viewer: Viewer, id: string): Promise<ExportTable> {
    requireRole(viewer, 'editor');
    const survey = await this.require(viewer, id);
    const questions = allQuestions(survey.sections);
    const labels = new Map(
      questions.flatMap((q) => q.options.map((o) => [o.id, o.label] as const)),
    );
    const personal = !survey.anonymous;
    const header = [
      'response',
      'submittedAt',
      ...(personal ? ['respondentId', 'respondentName', 'unit'] : []),
      ...questions.map((q) => `${q.id}: ${q.text}`),
    ];
    const cursor = this.o.models.SurveyResponse.find({ surveyId: survey._id })
      .sort({ submittedAt: 1, _id: 1 })
      .lean<SurveyResponseDoc[]>()
      .cursor();
    async function* rows(): AsyncIterable<string[]> {
      let n = 0;
      for await (const r of cursor as AsyncIterable<SurveyResponseDoc>) {
        const byQuestion = new Map(r.answers.map((a) => [a.questionId, a]));
        yield [
          String(++n),
          r.submittedAt.toISOString(),
          ...(personal ? [r.userId ?? '', r.displayName ?? '', r.unit ?? ''] : []),
          ...questions.map((q) => {
            const a = byQuestion.get(q.id);
            if (!a) return '';
            if (a.text !== null) return a.text;
            if (a.rating !== null) return String(a.rating);
            const ids = a.ranking.length ? a.ranking : a.optionIds;
            return ids.map((o) => labels.get(o) ?? o).join('; ');
          }),
        ];
      }
    }
    return { header, rows: rows() };
  }

  /** The latest published poll for each content key (`ARTICLE:<id>`), with one query. */
  async pollsFor(keys: readonly string[]): Promise<Map<string, SurveyDoc>> {
    const polls = await this.o.models.Survey.find({
      attachedKey: { $in: [...keys] },
      publishedAt: { $ne: null },
    })
      .sort({ publishedAt: -1 })
      .lean<SurveyDoc[]>();
    const latest = new Map<string, SurveyDoc>();
    for (const p of polls) if (!latest.has(p.attachedKey!)) latest.set(p.attachedKey!, p);
    return latest;
  }
}

function responseView(r: SurveyResponseDoc): ResponseView {
  return {
    id: r._id.toHexString(),
    state: 'SUBMITTED',
    answers: r.answers,
    updatedAt: r.submittedAt,
    submittedAt: r.submittedAt,
  };
}

function draftView(d: { _id: string; answers: Answer[]; updatedAt: Date }): ResponseView {
  return {
    id: Buffer.from(d._id).toString('base64url'),
    state: 'DRAFT',
    answers: d.answers,
    updatedAt: d.updatedAt,
    submittedAt: null,
  };
}
