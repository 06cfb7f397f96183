// Portal statistics, the contributions part: articles moved through the real editorial
// workflow (GraphQL mutations on the real subgraph, FerretDB, Redis) by reporters, district and
// department focal points and editors, then counted from the revision log, exactly.
import { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { EDITORS_AND_ADMINS_ONLY, expectErrorCodes, testViewer } from '@portal/testing';
import { contributionFactsStore, syncContributionFacts } from '../src/models/contribution-facts';
import { createArticle, useContentServer } from './content-harness';

const h = useContentServer('content-contributions');

const STATS = `query($from: DateTime!, $to: DateTime!) {
  portalStats(from: $from, to: $to, granularity: DAY) {
    contributions {
      submitted published returned
      byUnit { unit unitName submitted published returned }
      byRole { role submitted published returned }
    }
  }
}`;

const reporter = testViewer('contributor', { id: 'phong-vien-1' });
const district = testViewer('contributor', { id: 'dau-moi-q1', department: 'UBND-Q1' });
const department = testViewer('contributor', { id: 'dau-moi-yt', department: 'SO-YT' });
const editor = testViewer('editor', { id: 'bien-tap-1' });

async function step(who: ReturnType<typeof testViewer>, mutation: string, id: string) {
  const res = await h.call(who, `mutation($id: ID!) { ${mutation}(id: $id) { id status } }`, {
    id,
  });
  if (res.errors) throw new Error(`${mutation}: ${JSON.stringify(res.errors)}`);
}

/** A revision of article `id` written behind the service's back, with no fact kept for it. */
async function insertRevision(id: string, revision: Record<string, unknown>) {
  await h.conn
    .collection('article_revisions')
    .insertOne({ articleId: new Types.ObjectId(id), ...revision });
}

let startedAt: Date;

describe('portalStats (content: contributions)', () => {
  beforeAll(async () => {
    startedAt = new Date(Date.now() - 60_000);
    // A: a city reporter's, no source unit: submitted, published.
    const a = await createArticle(h, reporter);
    await step(reporter, 'submitArticleForReview', a.id);
    await step(editor, 'publishArticle', a.id);
    // B: a district focal point's: submitted, returned by the editor, submitted again, published.
    const b = await createArticle(h, district, { sourceUnit: 'UBND-Q1' });
    await step(district, 'submitArticleForReview', b.id);
    await step(editor, 'returnArticleToDraft', b.id);
    await step(district, 'submitArticleForReview', b.id);
    await step(editor, 'publishArticle', b.id);
    // C: a department focal point's: submitted, then withdrawn by its author (not a return).
    const c = await createArticle(h, department, { sourceUnit: 'SO-YT' });
    await step(department, 'submitArticleForReview', c.id);
    await step(department, 'returnArticleToDraft', c.id);
    // D: a draft only.
    await createArticle(h, department, { sourceUnit: 'SO-YT' });
    // E: an editor's own, published straight from draft.
    const e = await createArticle(h, editor, { sourceUnit: 'SO-KHCN' });
    await step(editor, 'publishArticle', e.id);
    // F: written before roles were recorded.
    const f = await createArticle(h, reporter, { sourceUnit: 'TT-CDS' });
    await h.services.models.articles.collection.updateOne(
      { _id: new Types.ObjectId(f.id) },
      { $set: { contributorRole: null } },
    );
    await step(reporter, 'submitArticleForReview', f.id);
  }, 60_000);

  it('counts articles submitted, published and returned per source unit and per contributor role', async () => {
    const res = await h.call(editor, STATS, {
      from: startedAt.toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(res.errors).toBeUndefined();
    const counts = (submitted: number, published: number, returned: number) => ({
      submitted,
      published,
      returned,
    });
    expect(res.data?.portalStats.contributions).toEqual({
      ...counts(4, 3, 1),
      byUnit: [
        { unit: 'SO-KHCN', unitName: 'Sở Khoa học và Công nghệ', ...counts(0, 1, 0) },
        { unit: 'SO-YT', unitName: 'Sở Y tế', ...counts(1, 0, 0) },
        { unit: 'TT-CDS', unitName: 'Trung tâm Chuyển đổi số Thành phố', ...counts(1, 0, 0) },
        { unit: 'UBND-Q1', unitName: 'Ủy ban nhân dân Quận 1', ...counts(1, 1, 1) },
        { unit: null, unitName: null, ...counts(1, 1, 0) },
      ],
      byRole: [
        { role: 'CITY_REPORTER', ...counts(1, 2, 0) },
        { role: 'DEPARTMENT_FOCAL_POINT', ...counts(1, 0, 0) },
        { role: 'DISTRICT_FOCAL_POINT', ...counts(1, 1, 1) },
        { role: 'UNKNOWN', ...counts(1, 0, 0) },
      ],
    });
  });

  it('counts nothing outside the period', async () => {
    const res = await h.call(editor, STATS, {
      from: new Date(startedAt.getTime() - 3 * 86_400_000).toISOString(),
      to: startedAt.toISOString(),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.portalStats.contributions).toMatchObject({
      submitted: 0,
      published: 0,
      returned: 0,
      byUnit: [],
    });
  });

  it('counts revisions written before changes were recorded (as the demo seed writes them)', async () => {
    const before = new Date(startedAt.getTime() - 2 * 86_400_000);
    const a = await createArticle(h, reporter);
    await insertRevision(a.id, {
      version: 99,
      action: 'PUBLISHED',
      by: { id: editor.id, displayName: 'Ban Biên tập' },
      at: before,
    });
    const res = await h.call(editor, STATS, {
      from: new Date(before.getTime() - 60_000).toISOString(),
      to: new Date(before.getTime() + 60_000).toISOString(),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.portalStats.contributions).toMatchObject({ published: 1 });
  });

  it('reads the same figures from the month facts once they are built, and every step keeps them current', async () => {
    const stats = h.services.contributions;
    const store = contributionFactsStore(h.services.models);
    const period = {
      from: startedAt,
      to: new Date(Date.now() + 3_600_000),
      granularity: 'DAY' as const,
    };
    const fromRecords = () => stats.contributionsFromRecords(period);
    expect(await store.builtAt()).toBeNull();
    expect(await stats.readContributions(period)).toEqual(await fromRecords());
    // The write path kept facts while the steps above were taken; a step written behind the
    // service's back (as if its fact's write had failed) is found by the sync.
    const x = await createArticle(h, reporter);
    await insertRevision(x.id, {
      version: 2,
      action: 'SUBMITTED',
      by: { id: reporter.id, displayName: 'Phóng viên' },
      at: new Date(),
      changes: [{ field: 'status', from: 'DRAFT', to: 'IN_REVIEW' }],
    });
    expect(await syncContributionFacts(h.services.models)).toBeGreaterThanOrEqual(1);
    expect(await store.builtAt()).toBeInstanceOf(Date);
    const before = await fromRecords();
    expect(await stats.readContributions(period)).toEqual(before);
    expect(await syncContributionFacts(h.services.models)).toBe(0);

    // A new article through the workflow, then its unit changed: after each, the facts answer
    // what the revision log does.
    const same = async () => {
      const facts = await stats.readContributions(period);
      expect(facts).toEqual(await fromRecords());
      return facts;
    };
    const g = await createArticle(h, district, { sourceUnit: 'UBND-Q1' });
    await step(district, 'submitArticleForReview', g.id);
    expect(await same()).toMatchObject({ submitted: before.submitted + 1 });
    await step(editor, 'returnArticleToDraft', g.id);
    expect(await same()).toMatchObject({ returned: before.returned + 1 });
    const { version } = (await h.services.models.articles.findById(g.id).lean())!;
    const moved = await h.call(
      editor,
      'mutation($id: ID!, $input: UpdateArticleInput!, $v: Int!) { updateArticle(id: $id, input: $input, expectedVersion: $v) { id } }',
      { id: g.id, input: { sourceUnit: 'SO-KHCN' }, v: version },
    );
    expect(moved.errors, JSON.stringify(moved.errors)).toBeUndefined();
    expect((await same()).byUnit).toContainEqual(
      expect.objectContaining({ unit: 'SO-KHCN', submitted: 1, returned: 1 }),
    );
  });

  it('answers editors and admins only, before it checks the period', async () => {
    // A reversed period: refused as BAD_USER_INPUT only to those who may ask at all.
    const vars = { from: new Date().toISOString(), to: startedAt.toISOString() };
    await expectErrorCodes((who) => h.call(who, STATS, vars), {
      ...EDITORS_AND_ADMINS_ONLY,
      admin: 'BAD_USER_INPUT',
    });
  });
});
