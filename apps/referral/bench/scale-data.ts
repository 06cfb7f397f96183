// The referral service's part of the benchmarks' scale data (SCALE_DATA.referrals of
// @portal/testing/bench): off-topic feedback forwarded to the 1022 hotline over three years,
// across the hotline categories, most of it closed, some in progress, a few new, each with
// the history its status implies, counted into the referral statistics. Deterministic and
// incremental: the i-th referral is always `scaleId('referral', i)` with the same content
// (for one `now`), and a run inserts only the referrals that are missing.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { Types, type Connection } from 'mongoose';
import { ANONYMOUS, type Viewer } from '@portal/auth';
import type { Logger } from '@portal/logger';
import { HOTLINE_CATEGORIES, unitByCode } from '@portal/reference-data';
import {
  SCALE_DATA,
  benchText,
  scaleCount,
  scaleId,
  scaleRandom,
  storedIds,
} from '@portal/testing/bench';
import {
  REFERRAL_NOTES,
  isClosed,
  planTransition,
  type ReferralStatus,
  type TransitionActor,
} from '../src/domain/referral-status';
import { receivedReferral } from '../src/domain/received-referral';
import { slaDueAt } from '../src/domain/sla';
import { newTrackingCode } from '../src/domain/tracking-code';
import { referralModels, type ReferralModels } from '../src/models';
import { HOTLINE_ACTOR, SYSTEM_ACTOR, staffActor, type Actor } from '../src/models/actor';
import type { AgencyContactDoc } from '../src/models/agency-contact.model';
import type { HotlineCategoryDoc } from '../src/models/hotline-category.model';
import type { ReferralEventDoc, ReferralEventKind } from '../src/models/referral-event.model';
import type { ReferralDoc } from '../src/models/referral.model';
import type { ReferralPatch } from '../src/models/referral.repository';
import { CategoryService } from '../src/services/category.service';
import { dispatchEffect, overdueEffects, statusEffects } from '../src/services/referral-effects';
import { ReferralStatsCounter } from '../src/stats/referral-stats-counter';

const BATCH = 500;
/** Counting calls in flight at once (as the counter's own backfill does). */
const COUNT_CHUNK = 200;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SPAN = 3 * 365 * DAY;

/** Where referral i ends up, by share (out of 1000): most closed, some in progress, a few new. */
const FATES: [ReferralStatus, number][] = [
  ['RESOLVED', 830],
  ['REJECTED', 90],
  ['IN_PROGRESS', 35],
  ['ACKNOWLEDGED', 15],
  ['FORWARDED', 10],
  ['RECEIVED', 15],
  ['FAILED', 5],
];
/** How old an open referral in each status is: [from, to] ms before `now`. */
const OPEN_AGE: Partial<Record<ReferralStatus, [number, number]>> = {
  RECEIVED: [MINUTE, 20 * MINUTE],
  FORWARDED: [HOUR, DAY],
  ACKNOWLEDGED: [3 * HOUR, 4 * DAY],
  IN_PROGRESS: [12 * HOUR, 60 * DAY],
  FAILED: [DAY, 10 * DAY],
};
/** Closed referrals are at least this old, so their whole history (12 days at most) lies behind `now`. */
const CLOSED_MIN_AGE = 15 * DAY;

/** How often each category is used (the rest: 3). */
const CATEGORY_WEIGHTS: Record<string, number> = {
  DIEN: 14,
  NUOC: 10,
  'GIAO-THONG': 16,
  'MOI-TRUONG': 14,
  'DO-THI': 12,
  'XAY-DUNG': 8,
  'AN-NINH': 6,
  'HANH-CHINH': 6,
  'Y-TE': 5,
};
const SUBJECTS: Record<string, string[]> = {
  DIEN: ['Mất điện kéo dài', 'Dây điện võng thấp nguy hiểm', 'Hóa đơn tiền điện tăng bất thường'],
  NUOC: ['Mất nước sinh hoạt nhiều ngày', 'Nước máy có mùi lạ', 'Vỡ ống nước trên vỉa hè'],
  'AN-NINH': ['Tụ tập đua xe trái phép', 'Trộm cắp tài sản thường xuyên'],
  'Y-TE': ['Cơ sở bán thực phẩm không rõ nguồn gốc', 'Phòng khám quảng cáo sai sự thật'],
  'MOI-TRUONG': [
    'Bãi rác tự phát',
    'Tiếng ồn từ quán karaoke về đêm',
    'Khói bụi từ xưởng sản xuất',
  ],
  'GIAO-THONG': ['Đèn tín hiệu giao thông hỏng', 'Đường ngập sau mưa', 'Ổ gà lớn giữa đường'],
  'DO-THI': ['Cây xanh nghiêng có nguy cơ ngã', 'Đèn chiếu sáng công cộng không hoạt động'],
  'XAY-DUNG': ['Công trình xây dựng không phép', 'Thi công gây nứt nhà bên cạnh'],
  'HANH-CHINH': ['Hồ sơ trực tuyến trễ hẹn', 'Không nộp được hồ sơ trên cổng dịch vụ công'],
  'GIAO-DUC': ['Thu tiền ngoài quy định ở trường học', 'Tuyển sinh đầu cấp chưa rõ ràng'],
  THUE: ['Không tra cứu được hóa đơn điện tử', 'Đăng ký kinh doanh bị trả hồ sơ nhiều lần'],
  BHXH: ['Chậm chi trả trợ cấp thất nghiệp', 'Thẻ bảo hiểm y tế chưa được gia hạn'],
  'DAT-DAI': ['Chậm cấp giấy chứng nhận quyền sử dụng đất', 'Lấn chiếm đất công'],
};
const PLACES = [
  'hẻm 123 Lê Văn Sỹ, phường Nhiêu Lộc',
  'đường Trường Sa, phường Gia Định',
  'chung cư Phú Mỹ, phường Tân Mỹ',
  'ngã tư Hàng Xanh, phường Thạnh Mỹ Tây',
  'đường Điện Biên Phủ, phường Xuân Hòa',
  'khu phố 2, phường Bến Thành',
  'đường Nguyễn Trãi, phường Chợ Quán',
  'đại lộ Võ Văn Kiệt, phường Cầu Ông Lãnh',
  'đường Phạm Văn Đồng, phường Hiệp Bình',
  'khu dân cư Trung Sơn, xã Bình Hưng',
  'đường Lũy Bán Bích, phường Tân Phú',
  'chợ Bà Chiểu, phường Bình Thạnh',
];
const CITIZENS = [
  'Nguyễn Văn An',
  'Trần Thị Bình',
  'Lê Minh Châu',
  'Phạm Quốc Dũng',
  'Hoàng Thu Hà',
  'Võ Thanh Sơn',
  'Đặng Mỹ Linh',
  'Bùi Văn Khoa',
  'Huỳnh Ngọc Mai',
  'Ngô Gia Bảo',
];
const MODERATORS: Viewer[] = [
  { ...ANONYMOUS, id: 'moderator-lan', displayName: 'Điều hành viên Lan', roles: ['moderator'] },
  { ...ANONYMOUS, id: 'moderator-tuan', displayName: 'Điều hành viên Tuấn', roles: ['moderator'] },
];
const MODERATOR_NOTES = [
  'Phản ánh không thuộc lĩnh vực chuyển đổi số; chuyển Tổng đài 1022 theo thẩm quyền.',
  'Người dân phản ánh trên diễn đàn, đề nghị cơ quan chức năng kiểm tra.',
  null,
];
const PROGRESS_NOTES = [
  'Đã chuyển đơn vị phụ trách kiểm tra hiện trường.',
  'Đang phối hợp với UBND phường xử lý.',
  null,
];
const REJECTIONS = [
  'Nội dung không thuộc thẩm quyền của đơn vị; đề nghị người dân liên hệ UBND phường nơi cư trú.',
  'Đã kiểm tra thực tế, không phát hiện sự việc như nội dung phản ánh.',
  'Phản ánh trùng với phản ánh trước đó đã được xử lý.',
];
const DISPATCH_ERRORS = [
  'hotline answered HTTP 503: hotline unavailable',
  'no answer from the hotline within 10000 ms',
];

const { draw, pick, pickWeighted } = scaleRandom('referral');

/** A duration between `from` and `to` ms, drawn for referral i. */
const between = (i: number, what: string, from: number, to: number) =>
  Math.round(from + draw(i, what) * (to - from));

/** Referral i's tracking code: the app's code format, drawn from a hash instead of at random. */
export function scaleTrackingCode(i: number, attempt = 0): string {
  const bytes = createHash('sha256').update(`referral-code:${i}:${attempt}`).digest();
  let k = 0;
  return newTrackingCode((max) => bytes.readUInt16BE(2 * k++) % max);
}

/**
 * Whether referral i refers a forum thread (two in five do), and which: thread i of the
 * forum's scale data (`scaleId('thread', i)`, which exists at every fraction that holds
 * referral i, as long as the scale data has at least as many threads as referrals).
 */
export function referredThreadIndex(i: number): number | null {
  return i % 5 < 2 && SCALE_DATA.threads >= SCALE_DATA.referrals ? i : null;
}

interface PlanContext {
  now: Date;
  categories: Map<string, HotlineCategoryDoc>;
  contacts: Map<string, AgencyContactDoc>;
  webBaseUrl: string;
}

/**
 * A referral's life, built as the service writes it: every change is the next event, with
 * the patch the service's decision would make (see ReferralLifecycleService) and the jobs
 * that followed it, and the referral is the result of applying them in order.
 */
class History {
  referral: ReferralDoc;
  readonly events: ReferralEventDoc[] = [];

  constructor(
    initial: ReferralDoc,
    private readonly ctx: PlanContext,
    /** When the overdue check noticed the SLA had passed (if it ran while still open). */
    private readonly overdueSeenAt: Date,
  ) {
    this.referral = initial;
  }

  /** A status change through the service's rules (`transition`), refused as it would be. */
  transition(
    at: Date,
    to: ReferralStatus,
    actor: TransitionActor,
    change: {
      note: string | null;
      by: Actor;
      publicResponse?: string | null;
      extra?: ReferralPatch;
    },
  ): void {
    this.flagOverdueBefore(at);
    const current = this.referral;
    const carriesUpdate =
      !!change.publicResponse && change.publicResponse !== current.publicResponse;
    const plan = planTransition(current.status, to, actor, { carriesUpdate });
    if (plan.kind !== 'apply')
      throw new Error(`scale referral ${current._id}: ${current.status} → ${to} by ${actor}`);
    const patch: ReferralPatch = {
      ...change.extra,
      publicResponse: change.publicResponse ?? current.publicResponse,
      closedAt: isClosed(to) ? at : null,
    };
    this.apply(at, 'STATUS', to, change.note, change.by, patch, (seq) =>
      statusEffects({ ...current, ...patch, status: to, updatedAt: at }, seq, this.ctx.webBaseUrl),
    );
  }

  /** A moderator sends a FAILED referral to the hotline again (`retryDispatch`). */
  retry(at: Date, by: Actor): void {
    this.flagOverdueBefore(at);
    const round = this.referral.dispatchRound + 1;
    const id = this.referral._id.toHexString();
    this.apply(
      at,
      'STATUS',
      'RECEIVED',
      REFERRAL_NOTES.retried,
      by,
      { dispatchRound: round, dispatchError: null },
      () => [dispatchEffect(id, round)],
    );
  }

  /** The overdue check, had it run at `until`: flags an open referral past its SLA once. */
  flagOverdueBefore(until: Date): void {
    const r = this.referral;
    if (isClosed(r.status) || r.overdueFlaggedAt || this.overdueSeenAt > until) return;
    const at = this.overdueSeenAt;
    this.apply(at, 'OVERDUE', r.status, null, SYSTEM_ACTOR, { overdueFlaggedAt: at }, () =>
      overdueEffects(r, this.ctx.contacts.get(r.targetAgency), this.ctx.webBaseUrl),
    );
  }

  /** The next event, as the repository's applyChange records and applies it. */
  private apply(
    at: Date,
    kind: ReferralEventKind,
    status: ReferralStatus,
    note: string | null,
    by: Actor,
    change: ReferralPatch,
    effects: (seq: number) => ReferralEventDoc['effects'],
  ): void {
    const id = this.referral._id.toHexString();
    const seq = this.referral.version + 1;
    const patch = { ...change, status, updatedAt: at };
    this.events.push({
      _id: `${id}.${seq}`,
      referralId: id,
      seq,
      kind,
      status,
      note,
      by,
      at,
      patch,
      effects: effects(seq),
      // Its jobs were queued and it was counted right away.
      effectsQueuedAt: at,
    });
    this.referral = { ...this.referral, ...patch, version: seq };
  }
}

/** An officer of the agency, as staffActor names them in the history. */
function officer(agency: string): Actor {
  return staffActor({
    ...ANONYMOUS,
    id: `officer-${agency}`,
    displayName: 'Cán bộ tiếp nhận',
    roles: ['citizen', 'officer'],
    department: agency,
  });
}

/**
 * The i-th generated referral and its events, with `trackingCode` (scaleTrackingCode(i)
 * unless that one is taken) and, when its thread was referred already, as DIRECT feedback.
 */
export function planReferral(
  i: number,
  ctx: PlanContext,
  options: { trackingCode: string; threadTaken?: boolean },
): { referral: ReferralDoc; events: ReferralEventDoc[] } {
  const _id = new Types.ObjectId(scaleId('referral', i));
  const id = _id.toHexString();
  const weights = HOTLINE_CATEGORIES.map((c): [string, number] => [
    c.code,
    CATEGORY_WEIGHTS[c.code] ?? 3,
  ]);
  const category = ctx.categories.get(pickWeighted(weights, i, 'category'))!;
  const agencyName = unitByCode(category.targetAgency)?.name ?? category.targetAgency;
  const fate = pickWeighted(FATES, i, 'fate');
  // Spread over the span at any fraction: the golden-ratio sequence fills it evenly.
  const spread = (i * 0.6180339887498949) % 1;
  const [young, old] = OPEN_AGE[fate] ?? [CLOSED_MIN_AGE, SPAN];
  const createdAt = new Date(ctx.now.getTime() - Math.round(young + spread * (old - young)));
  const place = pick(PLACES, i, 'place');
  const subject = `${pick(SUBJECTS[category._id] ?? ['Phản ánh của người dân'], i, 'subject')} tại ${place}`;
  const summary = `${subject}. ${benchText(i * 11 + 3, 25 + Math.floor(draw(i, 'length') * 40))}.`;
  const threadIndex = options.threadTaken ? null : referredThreadIndex(i);
  const threadId = threadIndex === null ? null : scaleId('thread', threadIndex);
  const signedIn = draw(i, 'signed-in') < 0.65;
  const citizen = pick(CITIZENS, i, 'citizen');
  const citizenId = `citizen-${1 + Math.floor(draw(i, 'citizen-id') * 400)}`;
  const due = slaDueAt(createdAt, category.slaHours);
  const moderator = pick(MODERATORS, i, 'moderator');
  const note = threadId ? pick(MODERATOR_NOTES, i, 'moderator-note') : null;

  const history = new History(
    {
      _id,
      trackingCode: options.trackingCode,
      // As the intake service receives them: a moderator's referral of a thread, or feedback.
      ...(threadId
        ? {
            source: 'FORUM_THREAD' as const,
            sourceKey: `thread:${threadId}`,
            threadId,
            referralNote: note,
            summary,
            contact: null,
            submittedBy: null,
            createdBy: staffActor(moderator),
            receivedNote: REFERRAL_NOTES.referred,
          }
        : {
            source: 'DIRECT' as const,
            sourceKey: `direct:${id}`,
            threadId: null,
            referralNote: null,
            summary,
            contact: signedIn
              ? { email: `${citizenId}@example.vn`, name: citizen }
              : { email: `nguoidan${i}@example.vn`, name: null },
            submittedBy: signedIn ? citizenId : null,
            createdBy: signedIn
              ? { kind: 'CITIZEN' as const, id: citizenId, name: citizen }
              : { kind: 'CITIZEN' as const, id: null, name: 'Người dân' },
            receivedNote: REFERRAL_NOTES.received,
          }),
      postId: null,
      subject,
      ...receivedReferral(category, createdAt),
      version: 1,
    },
    ctx,
    new Date(due.getTime() + between(i, 'overdue-check', 5_000, 60_000)),
  );

  const ticketId = `1022-SC-${String(i + 1).padStart(6, '0')}`;
  const closed = isClosed(fate);
  // An open referral's steps fit in its age; a closed one's follow the SLA.
  const age = ctx.now.getTime() - createdAt.getTime();
  const sla = category.slaHours * HOUR;
  let t = createdAt.getTime();
  const after = (what: string, from: number, to: number) =>
    new Date((t += between(i, what, from, to)));
  const span = (share: number) => Math.floor(age * share);
  const dispatch = draw(i, 'dispatch');
  const byHotline = (what: string) => draw(i, what) < 0.6;
  const forward = (at: Date) =>
    history.transition(at, 'FORWARDED', 'DISPATCHER', {
      note: REFERRAL_NOTES.forwarded,
      by: SYSTEM_ACTOR,
      extra: { hotlineTicketId: ticketId, dispatchError: null },
    });
  // Where it stands now: the overdue check has flagged it if its SLA passed while it was open.
  const done = () => {
    history.flagOverdueBefore(ctx.now);
    return { referral: history.referral, events: history.events };
  };
  const fail = (at: Date) =>
    history.transition(at, 'FAILED', 'DISPATCHER', {
      note: REFERRAL_NOTES.failed,
      by: SYSTEM_ACTOR,
      extra: { dispatchError: pick(DISPATCH_ERRORS, i, 'dispatch-error') },
    });

  if (fate === 'RECEIVED') return done();
  if (fate === 'FAILED') {
    fail(after('fail', span(0.01), span(0.05)));
    return done();
  }
  if (fate === 'REJECTED' && dispatch < 0.1) {
    // Never reached the hotline; a moderator withdrew it.
    fail(after('fail', 30 * MINUTE, 2 * HOUR));
    history.transition(after('withdraw', 2 * HOUR, 20 * HOUR), 'REJECTED', 'STAFF', {
      note: 'Đã chuyển trực tiếp đến cơ quan chức năng.',
      by: staffActor(moderator),
      publicResponse: `Phản ánh đã được chuyển trực tiếp đến ${agencyName}.`,
    });
    return done();
  }
  // The hand-over: usually the dispatcher's, sometimes after a failed round retried by a
  // moderator, sometimes overtaken by the hotline's first callback (which then carries the ticket).
  const overtaken = closed && dispatch > 0.97;
  if (closed && dispatch < 0.03) {
    fail(after('fail', 30 * MINUTE, 2 * HOUR));
    history.retry(after('retry', 2 * HOUR, 20 * HOUR), staffActor(moderator));
  }
  if (!overtaken)
    forward(after('forward', closed ? MINUTE : span(0.01), closed ? 20 * MINUTE : span(0.1)));
  if (fate === 'FORWARDED') return done();
  if (overtaken || draw(i, 'acknowledged') < 0.9)
    history.transition(
      after('ack', closed ? 10 * MINUTE : span(0.05), closed ? 3 * HOUR : span(0.2)),
      'ACKNOWLEDGED',
      'HOTLINE',
      {
        note: draw(i, 'ack-note') < 0.5 ? 'Tổng đài 1022 đã tiếp nhận.' : null,
        by: HOTLINE_ACTOR,
        extra: overtaken ? { hotlineTicketId: ticketId } : undefined,
      },
    );
  if (fate === 'ACKNOWLEDGED') return done();
  if (fate === 'IN_PROGRESS' || draw(i, 'in-progress') < 0.7) {
    const hotline = byHotline('progress-by');
    history.transition(
      after('progress', closed ? sla * 0.05 : span(0.05), closed ? sla * 0.3 : span(0.3)),
      'IN_PROGRESS',
      hotline ? 'HOTLINE' : 'STAFF',
      {
        note: hotline ? `Đã chuyển ${agencyName} xử lý.` : pick(PROGRESS_NOTES, i, 'progress-note'),
        by: hotline ? HOTLINE_ACTOR : officer(category.targetAgency),
      },
    );
  }
  if (fate === 'IN_PROGRESS') return done();
  // Closed: within the SLA for most, late for some (flagged overdue first).
  const hotline = byHotline('close-by');
  const closeAt = new Date(
    Math.max(t + 10 * MINUTE, createdAt.getTime() + between(i, 'close', sla * 0.15, sla * 1.2)),
  );
  history.transition(closeAt, fate, hotline ? 'HOTLINE' : 'STAFF', {
    note: null,
    by: hotline ? HOTLINE_ACTOR : officer(category.targetAgency),
    publicResponse:
      fate === 'RESOLVED'
        ? `${agencyName} đã kiểm tra và khắc phục sự việc tại ${place}.`
        : pick(REJECTIONS, i, 'rejection'),
  });
  return done();
}

export interface ReferralScaleDeps {
  conn: Connection;
  /** For the statistics' counts (the service's Redis, under its queue prefix). */
  redis: Redis;
  keyPrefix: string;
  /** The web front end's base URL (links in the recorded jobs). */
  webBaseUrl: string;
  logger: Logger;
  fraction: number;
  now: Date;
}

/** The kinds of document the referral service's scale data holds. */
export type ReferralScaleKind = 'referrals' | 'referralEvents';

export interface ScaleResult {
  inserted: Record<ReferralScaleKind, number>;
  total: Record<ReferralScaleKind, number>;
}

/** Counts referrals and their events into the statistics, as the write path does (once each). */
async function countAll(
  counter: ReferralStatsCounter,
  records: { referral: ReferralDoc; events: ReferralEventDoc[] }[],
): Promise<void> {
  const calls = records.flatMap(({ referral, events }) => [
    () => counter.countReferral(referral),
    ...events.map((e) => () => counter.countEvent(referral, e)),
  ]);
  for (let k = 0; k < calls.length; k += COUNT_CHUNK)
    await Promise.all(calls.slice(k, k + COUNT_CHUNK).map((call) => call()));
}

/**
 * Brings the generated referrals to `scaleCount('referrals', fraction)`, with their events,
 * and counts them into the referral statistics as the service's writes do: each is marked
 * pending before it is written and unmarked once counted (see ReferralRepository.insert), so
 * a run cut short counts the rest the next time. The hotline categories are the reference
 * data's (added when missing, as at every start).
 */
export async function seedScale(deps: ReferralScaleDeps): Promise<ScaleResult> {
  const models: ReferralModels = referralModels(deps.conn);
  await new CategoryService(models).ensureDefaults();
  const ctx: PlanContext = {
    now: deps.now,
    categories: new Map(
      (await models.HotlineCategory.find().lean<HotlineCategoryDoc[]>()).map((c) => [c._id, c]),
    ),
    contacts: new Map(
      (await models.AgencyContact.find().lean<AgencyContactDoc[]>()).map((c) => [c._id, c]),
    ),
    webBaseUrl: deps.webBaseUrl,
  };
  const counter = new ReferralStatsCounter(deps.redis, deps.keyPrefix, models);
  const count = scaleCount('referrals', deps.fraction);
  const inserted = { referrals: 0, referralEvents: 0 };
  const total = { referrals: count, referralEvents: 0 };

  for (let start = 0; start < count; start += BATCH) {
    const indices = Array.from({ length: Math.min(BATCH, count - start) }, (_, k) => start + k);
    const ids = indices.map((i) => scaleId('referral', i));
    const [stored, marked] = await Promise.all([
      storedIds(models.Referral, ids),
      storedIds(models.ReferralStatPending, ids),
    ]);
    const plans = new Map(
      indices.map((i) => [i, planReferral(i, ctx, { trackingCode: scaleTrackingCode(i) })]),
    );
    total.referralEvents += [...plans.values()].reduce((n, p) => n + p.events.length, 0);
    const missing = indices.filter((i) => !stored.has(scaleId('referral', i)));

    // Codes and threads other referrals hold already: draw again, or take it as feedback.
    for (let attempt = 1; missing.length; attempt++) {
      const wanted = missing.map((i) => plans.get(i)!.referral);
      const taken = await models.Referral.find(
        {
          $or: [
            { trackingCode: { $in: wanted.map((r) => r.trackingCode) } },
            { sourceKey: { $in: wanted.map((r) => r.sourceKey) } },
          ],
        },
        { trackingCode: 1, sourceKey: 1 },
      ).lean();
      const codes = new Set(taken.map((r) => r.trackingCode));
      const keys = new Set(taken.map((r) => r.sourceKey));
      const seen = new Set<string>();
      let redrawn = 0;
      for (const i of missing) {
        const r = plans.get(i)!.referral;
        const codeTaken = codes.has(r.trackingCode) || seen.has(r.trackingCode);
        const threadTaken = r.threadId !== null && keys.has(r.sourceKey);
        if (codeTaken || threadTaken) {
          plans.set(
            i,
            planReferral(i, ctx, {
              trackingCode: codeTaken ? scaleTrackingCode(i, attempt) : r.trackingCode,
              // Once taken as feedback, it stays feedback.
              threadTaken: threadTaken || r.source === 'DIRECT',
            }),
          );
          redrawn++;
        }
        seen.add(plans.get(i)!.referral.trackingCode);
      }
      if (!redrawn) break;
      if (attempt >= 5) throw new Error('scale referrals: tracking codes keep colliding');
      deps.logger.warn({ redrawn }, 'scale referrals: codes or threads taken, drawn again');
    }

    const records = missing.map((i) => plans.get(i)!);
    const newMarks = records
      .map((r) => r.referral._id.toHexString())
      .filter((id) => !marked.has(id))
      .map((id) => ({ _id: id, at: deps.now }));
    if (newMarks.length) await models.ReferralStatPending.insertMany(newMarks);
    // Events before their referral: a run cut short leaves no referral without its history.
    const events = records.flatMap((r) => r.events);
    const storedEvents = await storedIds(
      models.ReferralEvent,
      events.map((e) => e._id),
    );
    const newEvents = events.filter((e) => !storedEvents.has(e._id));
    // Built complete, as the service stores them: `lean` skips mongoose's casting, which costs
    // more than the insert itself on the events' mixed patches (the write hooks still run).
    for (let k = 0; k < newEvents.length; k += BATCH)
      await models.ReferralEvent.insertMany(newEvents.slice(k, k + BATCH), { lean: true });
    if (records.length)
      await models.Referral.insertMany(
        records.map((r) => r.referral),
        { lean: true },
      );
    inserted.referrals += records.length;
    inserted.referralEvents += newEvents.length;

    // Counted: the new ones, and stored ones a run cut short left marked.
    const leftOver = [...marked].filter((id) => stored.has(id));
    const uncounted = leftOver.length
      ? await Promise.all(
          (await models.Referral.find({ _id: { $in: leftOver } }).lean<ReferralDoc[]>()).map(
            async (referral) => ({
              referral,
              events: await models.ReferralEvent.find({
                referralId: referral._id.toHexString(),
              }).lean<ReferralEventDoc[]>(),
            }),
          ),
        )
      : [];
    await countAll(counter, [...records, ...uncounted]);
    const counted = [...records, ...uncounted].map((r) => r.referral._id.toHexString());
    if (counted.length) await models.ReferralStatPending.deleteMany({ _id: { $in: counted } });
  }
  // Into the month documents now; a flush already under way (the worker's) takes them instead.
  await counter.flush();
  deps.logger.info({ inserted, total }, 'referral scale data written');
  return { inserted, total };
}
