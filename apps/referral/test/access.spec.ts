import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '@portal/testing';
import { closedNotificationId } from '../src/jobs/job-ids';
import {
  TRACK_REFERRAL,
  UPDATE_STATUS,
  submitHotlineFeedback,
  useReferralHarness,
  viewers,
} from './support/harness';

// Who sees and changes what, over the subgraph's GraphQL endpoint. No worker runs here:
// referrals are moved to FORWARDED by hand, as the dispatcher would.
const h = useReferralHarness('access', { limits: { trackingLookupsPerMinute: 5 } });

const EVERYTHING = /* GraphQL */ `
  query Everything($code: String!) {
    referralByTrackingCode(code: $code) {
      id
      trackingCode
      status
      source
      categoryCode
      categoryName
      targetAgency
      targetAgencyName
      slaDueAt
      overdue
      publicResponse
      createdAt
      updatedAt
      closedAt
      history {
        status
        at
        note
        by
      }
      thread {
        id
      }
      post {
        id
      }
      subject
      summary
      referralNote
      contactEmail
      hotlineTicketId
      dispatchError
    }
  }
`;

const REFERRALS = /* GraphQL */ `
  query Referrals($status: ReferralStatus, $overdue: Boolean, $agency: String, $after: String) {
    referrals(
      first: 50
      after: $after
      filter: { status: $status, overdue: $overdue, agency: $agency }
    ) {
      nodes {
        id
        trackingCode
        status
        categoryCode
        targetAgency
        slaDueAt
        overdue
        createdAt
        thread {
          id
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`;

const submitter = viewers.citizen('citizen-private', 'chi.le@example.vn');
let electricity: { trackingCode: string; id: string };
let health: { trackingCode: string; id: string };

beforeAll(async () => {
  electricity = await submitHotlineFeedback(h, 'DIEN', submitter);
  health = await submitHotlineFeedback(h, 'Y-TE', viewers.citizen('citizen-2', null), {
    contactEmail: 'dung.pham@example.vn',
  });
  for (const r of [electricity, health])
    await h.core.referrals.recordForwarded(r.id, `1022-ACCESS-${r.id.slice(-4)}`);
});

describe('public tracking', () => {
  it('shows the public fields to anyone with the code, and nothing private', async () => {
    const res = await h.call(
      null,
      EVERYTHING,
      { code: electricity.trackingCode },
      { clientKey: 'client-a' },
    );
    expect(res.errors).toBeUndefined();
    const r = res.data!.referralByTrackingCode;
    expect(r).toMatchObject({
      trackingCode: electricity.trackingCode,
      status: 'FORWARDED',
      source: 'DIRECT',
      categoryCode: 'DIEN',
      targetAgency: 'EVNHCMC',
      overdue: false,
      thread: null,
      subject: null,
      summary: null,
      referralNote: null,
      contactEmail: null,
      hotlineTicketId: null,
      dispatchError: null,
    });
    expect(r.history.map((e: { by: unknown }) => e.by)).toEqual([null, null]);
    const text = JSON.stringify(res);
    for (const secret of [
      'an.nguyen@example.vn',
      'Mất điện kéo dài',
      '1022-ACCESS',
      'Nguyễn Văn An',
    ])
      expect(text).not.toContain(secret);
  });

  it('accepts codes as people type them and answers null for an unknown one', async () => {
    const typed = electricity.trackingCode.toLowerCase().replace(/-/g, ' ');
    const res = await h.call(null, TRACK_REFERRAL, { code: typed }, { clientKey: 'client-b' });
    expect(res.data!.referralByTrackingCode.trackingCode).toBe(electricity.trackingCode);
    const unknown = await h.call(
      null,
      TRACK_REFERRAL,
      { code: 'HL-2222-2222' },
      { clientKey: 'client-b' },
    );
    expect(unknown.data!.referralByTrackingCode).toBeNull();
    const malformed = await h.call(
      null,
      TRACK_REFERRAL,
      { code: '{"$gt":""}' },
      { clientKey: 'client-b' },
    );
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
    expect(malformed.errors![0]!.extensions!.fields).toEqual([
      { field: 'code', message: 'must look like HL-7K3Q-9XD2' },
    ]);
  });

  it('shows the submitter their own text and address, but not staff-only fields', async () => {
    const res = await h.call(submitter, EVERYTHING, { code: electricity.trackingCode });
    expect(res.data!.referralByTrackingCode).toMatchObject({
      subject: 'Mất điện kéo dài ở phường Bến Nghé',
      contactEmail: 'chi.le@example.vn',
      hotlineTicketId: null,
      history: [{ by: null }, { by: null }],
    });
    const other = await h.call(viewers.citizen('x'), EVERYTHING, {
      code: electricity.trackingCode,
    });
    expect(other.data!.referralByTrackingCode.subject).toBeNull();
  });

  it('shows staff of the agency everything', async () => {
    const res = await h.call(viewers.officer('EVNHCMC'), EVERYTHING, {
      code: electricity.trackingCode,
    });
    expect(res.data!.referralByTrackingCode).toMatchObject({
      contactEmail: 'chi.le@example.vn',
      hotlineTicketId: expect.stringMatching(/^1022-ACCESS-/),
      history: [{ by: 'Nguyễn Văn An' }, { by: 'Hệ thống' }],
    });
  });

  it('limits lookups per client (RATE_LIMITED with retryAfter)', async () => {
    const lookups = [];
    for (let i = 0; i < 6; i++)
      lookups.push(
        await h.call(
          null,
          TRACK_REFERRAL,
          { code: health.trackingCode },
          { clientKey: 'client-flood' },
        ),
      );
    expect(lookups.slice(0, 5).every((r) => !r.errors)).toBe(true);
    expect(errorCodes(lookups[5]!)).toEqual(['RATE_LIMITED']);
    expect(lookups[5]!.errors![0]!.extensions!.retryAfter).toBeGreaterThan(0);
    // Another client is not affected.
    expect(
      (await h.call(null, TRACK_REFERRAL, { code: health.trackingCode }, { clientKey: 'client-c' }))
        .errors,
    ).toBeUndefined();
  });
});

describe('referral lists', () => {
  it('show moderators every agency, filtered as asked', async () => {
    const all = await h.call(viewers.moderator(), REFERRALS, {});
    const codes = all.data!.referrals.nodes.map((n: { trackingCode: string }) => n.trackingCode);
    expect(codes).toEqual(expect.arrayContaining([electricity.trackingCode, health.trackingCode]));
    expect(all.data!.referrals.totalCount).toBe(codes.length);
    const yte = await h.call(viewers.admin(), REFERRALS, { agency: 'SO-YT' });
    expect(yte.data!.referrals.nodes.map((n: { trackingCode: string }) => n.trackingCode)).toEqual([
      health.trackingCode,
    ]);
    const overdue = await h.call(viewers.moderator(), REFERRALS, { overdue: true });
    expect(overdue.data!.referrals.totalCount).toBe(0);
  });

  it('show officers only their own agency', async () => {
    const officer = viewers.officer('SO-YT');
    const mine = await h.call(officer, REFERRALS, {});
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.referrals.nodes).toHaveLength(1);
    expect(mine.data!.referrals.nodes[0]).toMatchObject({
      trackingCode: health.trackingCode,
      targetAgency: 'SO-YT',
    });
    expect(errorCodes(await h.call(officer, REFERRALS, { agency: 'EVNHCMC' }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await h.call(viewers.officer('SO-YT', 'x'), REFERRALS, {}))).toEqual([]);
  });

  it('are refused to everyone else', async () => {
    expect(errorCodes(await h.call(null, REFERRALS, {}))).toEqual(['UNAUTHENTICATED']);
    for (const role of ['citizen', 'contributor', 'editor'] as const)
      expect(errorCodes(await h.call(viewers.role(role), REFERRALS, {}))).toEqual(['FORBIDDEN']);
    const noDepartment = { ...viewers.officer('SO-YT'), department: null };
    expect(errorCodes(await h.call(noDepartment, REFERRALS, {}))).toEqual(['FORBIDDEN']);
  });

  it('decide who may ask before the filter is read', async () => {
    const bad = { agency: 'NOT-A-UNIT' };
    expect(errorCodes(await h.call(null, REFERRALS, bad))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await h.call(viewers.role('citizen'), REFERRALS, bad))).toEqual([
      'FORBIDDEN',
    ]);
    const res = await h.call(viewers.moderator(), REFERRALS, bad);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.fields[0].field).toBe('filter.agency');
  });

  it('page without gaps or repeats', async () => {
    for (let i = 0; i < 3; i++)
      await submitHotlineFeedback(h, 'NUOC', viewers.citizen(`pager-${i}`));
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await h.call(
        viewers.moderator(),
        `query($after: String) { referrals(first: 2, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      seen.push(...res.data.referrals.nodes.map((n: { id: string }) => n.id));
      if (!res.data.referrals.pageInfo.hasNextPage) break;
      after = res.data.referrals.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await h.core.models.Referral.countDocuments());
    const bad = await h.call(viewers.moderator(), REFERRALS, { after: 'garbage' });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('the services decide for every caller, not only GraphQL', () => {
  // What a job, the seed or a CLI calls: the same decision, before the arguments are read.
  it('refuses the wrong role with FORBIDDEN, whatever the arguments', async () => {
    const citizen = viewers.role('citizen');
    const refused = [
      () => h.core.contacts.set(citizen, { agency: 'nope' }),
      () => h.core.contacts.list(citizen),
      () => h.core.categories.create(citizen, {}),
      () => h.core.categories.update(viewers.moderator(), { code: '' }),
      () => h.core.intake.referThread(citizen, {}),
      () => h.core.referrals.retryDispatch(viewers.officer('SO-YT'), 'not-an-id'),
      () => h.core.referrals.updateStatus(citizen, {}),
      () => h.core.referrals.list(viewers.role('editor'), { filter: { agency: 1 } }),
    ];
    for (const call of refused) await expect(call()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(h.core.referrals.get(viewers.anonymous, 'x')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });
});

describe('updateReferralStatus', () => {
  it('lets an officer of the agency move it forward, and refuses other agencies', async () => {
    const other = await h.call(viewers.officer('EVNHCMC'), UPDATE_STATUS, {
      id: health.id,
      status: 'IN_PROGRESS',
    });
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(
        await h.call(viewers.citizen(), UPDATE_STATUS, { id: health.id, status: 'IN_PROGRESS' }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(await h.call(null, UPDATE_STATUS, { id: health.id, status: 'IN_PROGRESS' })),
    ).toEqual(['UNAUTHENTICATED']);

    const officer = viewers.officer('SO-YT');
    const moved = await h.call(officer, UPDATE_STATUS, {
      id: health.id,
      status: 'IN_PROGRESS',
      note: 'Đã cử đoàn kiểm tra.',
    });
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.updateReferralStatus).toMatchObject({
      id: health.id,
      status: 'IN_PROGRESS',
    });

    const back = await h.call(officer, UPDATE_STATUS, { id: health.id, status: 'ACKNOWLEDGED' });
    expect(errorCodes(back)).toEqual(['CONFLICT']);
    const system = await h.call(officer, UPDATE_STATUS, { id: health.id, status: 'FORWARDED' });
    expect(errorCodes(system)).toEqual(['BAD_USER_INPUT']);
    expect(system.errors![0]!.extensions!.fields[0].field).toBe('status');
    const missing = await h.call(officer, UPDATE_STATUS, {
      id: 'a'.repeat(24),
      status: 'RESOLVED',
    });
    expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
  });

  it('needs a reason to reject, and tells the citizen once it is closed', async () => {
    const officer = viewers.officer('SO-YT');
    const noReason = await h.call(officer, UPDATE_STATUS, { id: health.id, status: 'REJECTED' });
    expect(errorCodes(noReason)).toEqual(['BAD_USER_INPUT']);
    const rejected = await h.call(officer, UPDATE_STATUS, {
      id: health.id,
      status: 'REJECTED',
      publicResponse: 'Cơ sở đã đóng cửa; phản ánh không còn đối tượng xử lý.',
    });
    expect(rejected.data!.updateReferralStatus.status).toBe('REJECTED');
    const mail = await h.queue('notifications').getJob(closedNotificationId(health.id));
    expect(mail?.data).toMatchObject({
      recipients: [{ email: 'dung.pham@example.vn' }],
      message: {
        template: 'referral.closed',
        data: { status: 'REJECTED', publicResponse: expect.stringContaining('đã đóng cửa') },
      },
    });
    const tracked = await h.call(viewers.citizen(), TRACK_REFERRAL, { code: health.trackingCode });
    expect(
      tracked.data!.referralByTrackingCode.history.map((e: any) => [e.status, e.note]),
    ).toEqual([
      ['RECEIVED', 'Đã tiếp nhận phản ánh.'],
      ['FORWARDED', 'Đã chuyển đến Tổng đài 1022.'],
      ['IN_PROGRESS', 'Đã cử đoàn kiểm tra.'],
      ['REJECTED', null],
    ]);
    const reopen = await h.call(viewers.moderator(), UPDATE_STATUS, {
      id: health.id,
      status: 'IN_PROGRESS',
    });
    expect(errorCodes(reopen)).toEqual(['CONFLICT']);
  });

  it('keeps every concurrent progress note (no lost update on one document)', async () => {
    const moderator = viewers.moderator();
    await h.call(moderator, UPDATE_STATUS, { id: electricity.id, status: 'IN_PROGRESS' });
    const notes = Array.from({ length: 8 }, (_, i) => `Cập nhật tiến độ ${i + 1}`);
    const results = await Promise.all(
      notes.map((note) =>
        h.call(moderator, UPDATE_STATUS, { id: electricity.id, status: 'IN_PROGRESS', note }),
      ),
    );
    const ok = results.filter((r) => !r.errors);
    // Each writer either won a version or was told to try again; none was silently lost.
    expect(ok.length + results.filter((r) => errorCodes(r)[0] === 'CONFLICT').length).toBe(8);
    const events = await h.core.models.ReferralEvent.find({ referralId: electricity.id })
      .sort({ seq: 1 })
      .lean();
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 2));
    const recorded = events.filter((e) => notes.includes(e.note ?? '')).map((e) => e.note);
    const accepted = notes.filter((_, i) => !results[i]!.errors);
    expect(recorded.sort()).toEqual(accepted.sort());
    expect(accepted.length).toBeGreaterThan(0);
    const referral = (await h.core.repo.findById(electricity.id))!;
    expect(referral.version).toBe(events.length + 1);
  });
});

describe('hotline categories', () => {
  const CATEGORIES = `query($all: Boolean) { hotlineCategories(includeInactive: $all) { code name targetAgency slaHours active version } }`;
  const UPDATE = `mutation($code: String!, $input: UpdateHotlineCategoryInput!, $v: Int) {
    updateHotlineCategory(code: $code, input: $input, expectedVersion: $v) { code name targetAgency slaHours active version } }`;
  const CREATE = `mutation($input: CreateHotlineCategoryInput!) { createHotlineCategory(input: $input) { code version } }`;

  it('are seeded from the reference data and public', async () => {
    const res = await h.call(null, CATEGORIES, {});
    const codes = res.data!.hotlineCategories.map((c: { code: string }) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['DIEN', 'NUOC', 'Y-TE', 'DAT-DAI']));
    expect(res.data!.hotlineCategories.find((c: any) => c.code === 'DIEN')).toMatchObject({
      targetAgency: 'EVNHCMC',
      slaHours: 24,
      active: true,
    });
    expect(errorCodes(await h.call(viewers.citizen(), CATEGORIES, { all: true }))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('are edited by admins only, with optimistic concurrency, and new referrals follow the new rule', async () => {
    const change = { code: 'DO-THI', input: { slaHours: 48, targetAgency: 'SO-XD' }, v: 1 };
    expect(errorCodes(await h.call(viewers.moderator(), UPDATE, change))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.call(null, UPDATE, change))).toEqual(['UNAUTHENTICATED']);
    const ok = await h.call(viewers.admin(), UPDATE, change);
    expect(ok.data!.updateHotlineCategory).toMatchObject({ slaHours: 48, version: 2 });
    expect(errorCodes(await h.call(viewers.admin(), UPDATE, change))).toEqual(['CONFLICT']);
    const badAgency = await h.call(viewers.admin(), UPDATE, {
      code: 'DO-THI',
      input: { targetAgency: 'NOPE' },
    });
    expect(badAgency.errors![0]!.extensions!.fields[0].field).toBe('input.targetAgency');

    const before = Date.now();
    const { id } = await submitHotlineFeedback(h, 'DO-THI');
    const referral = (await h.core.repo.findById(id))!;
    expect(referral.slaHours).toBe(48);
    expect(referral.slaDueAt.getTime()).toBeGreaterThanOrEqual(before + 48 * 3600_000);
    expect(await h.core.models.CategoryRevision.countDocuments({ code: 'DO-THI' })).toBe(1);
  });

  it('can be added and deactivated; inactive ones take no new feedback', async () => {
    const created = await h.call(viewers.admin(), CREATE, {
      input: { code: 'cay-xanh', name: 'Cây xanh đô thị', targetAgency: 'SO-XD', slaHours: 96 },
    });
    expect(created.data!.createHotlineCategory).toEqual({ code: 'CAY-XANH', version: 1 });
    const dup = await h.call(viewers.admin(), CREATE, {
      input: { code: 'CAY-XANH', name: 'Trùng', targetAgency: 'SO-XD', slaHours: 1 },
    });
    expect(errorCodes(dup)).toEqual(['CONFLICT']);
    await h.call(viewers.admin(), UPDATE, { code: 'CAY-XANH', input: { active: false } });
    const listed = await h.call(null, CATEGORIES, {});
    expect(listed.data!.hotlineCategories.map((c: any) => c.code)).not.toContain('CAY-XANH');
    const all = await h.call(viewers.moderator(), CATEGORIES, { all: true });
    expect(all.data!.hotlineCategories.find((c: any) => c.code === 'CAY-XANH').active).toBe(false);
    await expect(submitHotlineFeedback(h, 'CAY-XANH')).rejects.toThrow(/BAD_USER_INPUT/);
  });
});

describe('agency contacts', () => {
  const SET = `mutation($agency: String!, $email: String!) { setAgencyContact(agency: $agency, email: $email) { agency agencyName email } }`;

  it('are set by admins and read by moderators', async () => {
    expect(
      errorCodes(await h.call(viewers.moderator(), SET, { agency: 'SO-YT', email: 'a@b.vn' })),
    ).toEqual(['FORBIDDEN']);
    const set = await h.call(viewers.admin(), SET, {
      agency: 'SO-YT',
      email: 'Tiep.Nhan@soyte.example.vn',
    });
    expect(set.data!.setAgencyContact).toEqual({
      agency: 'SO-YT',
      agencyName: 'Sở Y tế',
      email: 'tiep.nhan@soyte.example.vn',
    });
    const list = await h.call(viewers.moderator(), `{ agencyContacts { agency email } }`, {});
    expect(list.data!.agencyContacts).toContainEqual({
      agency: 'SO-YT',
      email: 'tiep.nhan@soyte.example.vn',
    });
    expect(
      errorCodes(await h.call(viewers.officer('SO-YT'), `{ agencyContacts { agency } }`, {})),
    ).toEqual(['FORBIDDEN']);
    const bad = await h.call(viewers.admin(), SET, { agency: 'NOPE', email: 'nope' });
    expect(bad.errors![0]!.extensions!.fields.map((f: any) => f.field).sort()).toEqual([
      'agency',
      'email',
    ]);
  });
});
