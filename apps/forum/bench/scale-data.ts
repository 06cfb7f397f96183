// The forum's part of the federation read-path benchmark's scale data (issue 15): threads,
// replies and votes of a city's forum after three years, generated deterministically so a run
// inserts only what is missing (see `seedScale`).
import { Types, type Model } from 'mongoose';
import { unitByCode } from '@portal/reference-data';
import { SCALE_DATA, benchText, scaleCount, scaleId, storedIds } from '@portal/testing/bench';
import { searchTokens } from '@portal/text';
import { renderBody } from '../src/domain/body';
import type { ThreadKind, WorkflowStatus } from '../src/domain/forum-types';
import { tagKeys } from '../src/domain/thread-input';
import type { ForumModels, ModerationLogDoc, PostDoc, ProfileDoc, ThreadDoc } from '../src/models';
import type { VoteDoc } from '../src/models/vote.model';
import { syncThreadFacts } from '../src/stats/thread-facts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The forum's history the data covers. */
const SPAN = 3 * 365 * DAY;
/** At most this many documents per insertMany and per `$in` lookup. */
const BATCH = 500;
/** Distinct authors of threads and replies ("a few hundred people"). */
const AUTHORS = 400;
/** People who vote; a prime, so a thread's voters (a stride through them) never repeat. */
const VOTERS = 30_011;
const VOTER_STRIDE = 7919;
const MODERATOR = { id: 'scale-moderator', name: 'Ban điều hành Diễn đàn' };

export type ScaleKind = 'threads' | 'replies' | 'votes' | 'answers' | 'profiles' | 'moderationLog';

/** A seed's count of what it inserted, before it inserts anything (and after a run that found everything in place). */
export function nothingInserted(): Record<ScaleKind, number> {
  return { threads: 0, replies: 0, votes: 0, answers: 0, profiles: 0, moderationLog: 0 };
}

export interface ScaleResult {
  /** Documents this run inserted, by kind. */
  inserted: Record<ScaleKind, number>;
  /** Generated documents of each kind the database holds after the run. */
  total: Record<ScaleKind, number>;
}

interface CategoryTheme {
  id: string;
  subjects: readonly string[];
  tags: readonly string[];
  departments: readonly string[];
}

const THEMES: readonly CategoryTheme[] = [
  {
    id: 'chinh-quyen-so',
    subjects: [
      'thủ tục cấp phép xây dựng trực tuyến',
      'đăng ký hộ kinh doanh qua mạng',
      'tài khoản định danh điện tử VNeID',
      'thanh toán phí, lệ phí dịch vụ công',
      'tra cứu hồ sơ hành chính',
      'dữ liệu mở của Thành phố',
    ],
    tags: ['dịch vụ công', 'thủ tục hành chính', 'định danh', 'dữ liệu mở'],
    departments: ['TT-CDS', 'SO-NV', 'SO-TP', 'VP-UBND'],
  },
  {
    id: 'kinh-te-so',
    subjects: [
      'thanh toán không dùng tiền mặt ở chợ truyền thống',
      'sàn thương mại điện tử cho nông sản',
      'hóa đơn điện tử cho hộ kinh doanh',
      'hỗ trợ doanh nghiệp nhỏ chuyển đổi số',
      'khai thuế trực tuyến',
      'giao hàng chặng cuối',
    ],
    tags: ['thương mại điện tử', 'thanh toán số', 'doanh nghiệp', 'thuế'],
    departments: ['SO-CT', 'SO-TC', 'THUE-TP'],
  },
  {
    id: 'xa-hoi-so',
    subjects: [
      'sổ sức khỏe điện tử',
      'đặt lịch khám bệnh trực tuyến',
      'học bạ số',
      'lớp kỹ năng số cho người cao tuổi',
      'bảo hiểm xã hội trên ứng dụng',
      'thư viện số cho học sinh',
    ],
    tags: ['y tế', 'giáo dục', 'kỹ năng số', 'an sinh'],
    departments: ['SO-YT', 'SO-GDDT', 'BHXH-TP', 'SO-VHTT'],
  },
  {
    id: 'ha-tang-so',
    subjects: [
      'wifi công cộng miễn phí',
      'trung tâm dữ liệu Thành phố',
      'an toàn thông tin cho trang web phường',
      'cáp quang đến khu dân cư mới',
      'điện toán đám mây cho cơ quan nhà nước',
      'cảnh báo lừa đảo trực tuyến',
    ],
    tags: ['hạ tầng số', 'an toàn thông tin', 'wifi', 'đám mây'],
    departments: ['SO-KHCN', 'TT-CDS', 'CA-TP'],
  },
  {
    id: 'do-thi-thong-minh',
    subjects: [
      'camera giao thông và đèn tín hiệu thích ứng',
      'bản đồ ngập nước theo thời gian thực',
      'bãi đỗ xe thông minh',
      'quan trắc chất lượng không khí',
      'thu gom rác thải đúng giờ',
      'hóa đơn nước điện tử',
    ],
    tags: ['giao thông', 'môi trường', 'quy hoạch', 'đô thị thông minh'],
    departments: ['SO-XD', 'SO-QHKT', 'SO-NNMT', 'SAWACO', 'EVNHCMC'],
  },
  {
    id: 'gop-y-chung',
    subjects: [
      'giao diện Cổng thông tin',
      'ứng dụng Công dân số',
      'tổng đài 1022',
      'bản tin chuyển đổi số hằng tháng',
      'tài liệu hướng dẫn cho người mới',
      'thông báo qua thư điện tử',
    ],
    tags: ['cổng thông tin', 'góp ý', 'ứng dụng'],
    departments: ['VP-UBND', 'TT-CDS', 'TD-1022'],
  },
];

const TITLE_PREFIXES: Record<ThreadKind, readonly string[]> = {
  PROPOSAL: ['Đề xuất cải tiến', 'Kiến nghị mở rộng', 'Đề xuất thí điểm'],
  QUESTION: ['Hỏi về', 'Xin hướng dẫn', 'Thắc mắc về'],
  FEEDBACK: ['Phản ánh về', 'Góp ý về'],
  DISCUSSION: ['Thảo luận về', 'Trao đổi kinh nghiệm về', 'Chia sẻ về'],
};
const OPENINGS: Record<ThreadKind, string> = {
  PROPOSAL: 'Chúng tôi đề xuất Thành phố quan tâm hơn đến',
  QUESTION: 'Tôi muốn hỏi cách sử dụng',
  FEEDBACK: 'Tôi xin phản ánh tình trạng của',
  DISCUSSION: 'Mời mọi người cùng trao đổi về',
};
const CLOSINGS: Record<ThreadKind, string> = {
  PROPOSAL: 'Kính mong các sở, ngành xem xét.',
  QUESTION: 'Xin cảm ơn.',
  FEEDBACK: 'Mong được khắc phục sớm.',
  DISCUSSION: 'Rất mong nhận được ý kiến của mọi người.',
};
const FOCUS = [
  'cho người cao tuổi',
  'cho hộ kinh doanh',
  'cho sinh viên',
  'cho người khuyết tật',
  'trên điện thoại',
  'vào cuối tuần',
  'trong giờ cao điểm',
  'sau đợt nâng cấp',
  'ở khu dân cư mới',
  'cho doanh nghiệp nhỏ',
  'khi mất kết nối mạng',
  'cho người lao động tự do',
];
const PLACES = [
  'Quận 1',
  'Quận 3',
  'Quận 7',
  'Quận 12',
  'Bình Thạnh',
  'Gò Vấp',
  'Tân Bình',
  'Phú Nhuận',
  'Thủ Đức',
  'Bình Chánh',
  'Củ Chi',
  'Hóc Môn',
  'Nhà Bè',
  'Cần Giờ',
];
const REPLY_OPENINGS = [
  'Tôi đồng ý với ý kiến này.',
  'Cảm ơn bạn đã chia sẻ.',
  'Khu tôi ở cũng gặp tình trạng tương tự.',
  'Theo kinh nghiệm của tôi,',
  'Tôi nghĩ cần cân nhắc thêm.',
  'Ủng hộ đề xuất.',
  'Bổ sung thêm một ý:',
  'Tôi đã thử và thấy',
];
const ORGANISATIONS = [
  'Hội Tin học Thành phố',
  'Hiệp hội Doanh nghiệp nhỏ và vừa',
  'Hội Doanh nhân trẻ',
  'Hội Nông dân huyện Củ Chi',
  'Câu lạc bộ Dữ liệu mở Sài Gòn',
  'Hợp tác xã Rau sạch Tân Phú Trung',
  'Hội Cựu giáo chức Quận 3',
  'Công ty CP Giải pháp Số Phương Nam',
  'Nhóm tình nguyện Kỹ năng số',
  'Hội Bảo vệ người tiêu dùng',
];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Ngọc', 'Hoàng', 'Quốc', 'Thu', 'Đức', 'Gia'];
const GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hiếu',
  'Hòa',
  'Hùng',
  'Khang',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phúc',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vy',
];

/** A deterministic number in [0, 1) for (stream, index, draw): the data's only randomness. */
function rand(stream: number, index: number, draw = 0): number {
  const mix = (x: number) => {
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    return (x ^ (x >>> 16)) >>> 0;
  };
  return mix(mix(mix(stream * 0x9e3779b1) ^ index) + draw * 0x632be5ab) / 2 ** 32;
}

const STREAM = { thread: 1, reply: 2, vote: 3, hot: 4, tier: 5, voter: 6, voteTier: 7 } as const;

/** A pick from a list by a number in [0, 1). */
const pick = <T>(list: readonly T[], u: number): T => list[Math.floor(u * list.length)]!;
/** An exponential draw of the given mean from a number in [0, 1). */
const exponential = (mean: number, u: number) => -Math.log(1 - u) * mean;
const seconds = (ms: number) => Math.floor(ms / 1000) * 1000;
const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

export const citizenId = (n: number) => `scale-citizen-${n}`;
export const officerId = (department: string) => `scale-officer-${department.toLowerCase()}`;

/** What a generated thread is, apart from its counters. */
export interface ThreadPlan {
  index: number;
  kind: ThreadKind;
  theme: CategoryTheme;
  /** Null for the few threads filed under no category. */
  categoryId: string | null;
  subject: string;
  focus: string;
  place: string;
  tags: string[];
  authorId: string;
  createdAt: Date;
  /** Threads with far more replies and votes than the rest, for longer. */
  hot: boolean;
  department: string | null;
  assignedAt: Date | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  workflowStatus: WorkflowStatus;
}

/** The thread fields that summarise its votes and posts. */
export interface ThreadCounters {
  voteCount: number;
  lastVoteAt: Date | null;
  lastActivityAt: Date;
}

/** How many threads, replies and votes a plan holds. */
export type ScaleCounts = Record<'threads' | 'replies' | 'votes', number>;

export const scaleCounts = (fraction: number): ScaleCounts => ({
  threads: scaleCount('threads', fraction),
  replies: scaleCount('replies', fraction),
  votes: scaleCount('votes', fraction),
});

/**
 * The first `counts` generated threads, replies and votes, and what each one is, with dates
 * up to `anchor`. The i-th document of a kind is the same in every plan of the same anchor: a
 * reply's or vote's thread is always one that exists at the smallest fraction holding the
 * reply or vote (`scaleCount`), so a larger fraction only adds. Most threads get a handful of
 * replies and a dozen votes; quiet ones fewer, lively ones more, and about one in fifty (hot)
 * hundreds. Each thread's counters follow from the assignment (`counters`).
 */
export class ForumScalePlan {
  /** The thread of each reply and vote. */
  readonly replyThread: Int32Array;
  readonly voteThread: Int32Array;
  private readonly voteRank: Int32Array;
  private readonly plans: ThreadPlan[] = [];
  private readonly hotThreads: number[] = [];
  private readonly voteCount: Int32Array;
  private readonly lastVoteAt: Float64Array;
  private readonly lastActivityAt: Float64Array;

  constructor(
    readonly counts: ScaleCounts,
    readonly anchor: Date,
  ) {
    for (let t = 0; t < SCALE_DATA.threads; t++)
      if (rand(STREAM.hot, t) < 0.02) this.hotThreads.push(t);
    for (let t = 0; t < counts.threads; t++) this.plans.push(this.planThread(t));
    this.lastActivityAt = new Float64Array(counts.threads);
    for (const p of this.plans)
      this.lastActivityAt[p.index] = (p.answeredAt ?? p.createdAt).getTime();
    this.replyThread = new Int32Array(counts.replies);
    for (let i = 0; i < counts.replies; i++) {
      const t = this.pickThread(STREAM.reply, STREAM.tier, i, 'replies', 0.2);
      this.replyThread[i] = t;
      const at = this.replyTime(i).getTime();
      if (at > this.lastActivityAt[t]!) this.lastActivityAt[t] = at;
    }
    this.voteThread = new Int32Array(counts.votes);
    this.voteRank = new Int32Array(counts.votes);
    this.voteCount = new Int32Array(counts.threads);
    this.lastVoteAt = new Float64Array(counts.threads);
    for (let i = 0; i < counts.votes; i++) {
      const t = this.pickThread(STREAM.vote, STREAM.voteTier, i, 'votes', 0.3);
      this.voteThread[i] = t;
      this.voteRank[i] = this.voteCount[t]!++;
      const at = this.voteTime(i).getTime();
      if (at > this.lastVoteAt[t]!) this.lastVoteAt[t] = at;
    }
  }

  /**
   * The thread of the i-th reply or vote, among the threads every fraction holding it has.
   * Mostly one of the last-generated threads (by index, not date: dates are spread
   * independently), weighted by how lively the thread is; `hotShare` of them go to a hot one.
   */
  private pickThread(
    stream: number,
    tierStream: number,
    i: number,
    kind: 'replies' | 'votes',
    hotShare: number,
  ): number {
    const available = Math.max(1, Math.floor((i * SCALE_DATA.threads) / SCALE_DATA[kind]));
    if (rand(stream, i, 1) < hotShare) {
      const hot = this.hotBelow(available);
      if (hot > 0) return this.hotThreads[Math.floor(rand(stream, i, 2) * hot)]!;
    }
    for (let attempt = 0; ; attempt++) {
      const back = Math.floor(exponential(40, rand(stream, i, 10 + attempt)));
      const t =
        back < available
          ? available - 1 - back
          : Math.floor(rand(stream, i, 20 + attempt) * available);
      const tier = rand(tierStream, t);
      const liveliness = tier < 0.35 ? 0.15 : tier < 0.85 ? 0.5 : 1;
      if (attempt === 7 || rand(stream, i, 30 + attempt) < liveliness) return t;
    }
  }

  /** How many hot threads have an index below `n`. */
  private hotBelow(n: number): number {
    let lo = 0;
    let hi = this.hotThreads.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.hotThreads[mid]! < n) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private planThread(index: number): ThreadPlan {
    const u = (draw: number) => rand(STREAM.thread, index, draw);
    const now = this.anchor.getTime();
    // Low-discrepancy ages, so any prefix of the threads spans the three years; recent years
    // hold more threads (the forum grew).
    const age = SPAN * (((index + 1) * 0.6180339887498949 + 0.001 * u(0)) % 1) ** 1.25;
    const createdAt = seconds(now - age);
    const kindDraw = u(1);
    const kind: ThreadKind =
      kindDraw < 0.35
        ? 'PROPOSAL'
        : kindDraw < 0.7
          ? 'QUESTION'
          : kindDraw < 0.9
            ? 'DISCUSSION'
            : 'FEEDBACK';
    const theme = pick(THEMES, u(2));
    const tags = [pick(theme.tags, u(3))];
    const otherTags = theme.tags.filter((t) => t !== tags[0]);
    if (u(4) < 0.6) tags.push(pick(otherTags, u(5)));
    if (u(6) < 0.15) tags.push('chuyển đổi số');
    const assignShare = { QUESTION: 0.65, PROPOSAL: 0.5, FEEDBACK: 0.4, DISCUSSION: 0.15 }[kind];
    const department = age >= DAY && u(7) < assignShare ? pick(theme.departments, u(8)) : null;
    const closedAt =
      age >= 14 * DAY && u(9) < 0.05 ? seconds(createdAt + age * (0.3 + 0.4 * u(10))) : null;
    // The assignment, the answer and every reply come before closing (or the anchor).
    const open = (closedAt ?? now) - createdAt;
    const assignedAt = department
      ? seconds(createdAt + Math.min(open * 0.2, (2 + 46 * u(11)) * HOUR))
      : null;
    const answeredAt =
      assignedAt !== null && age >= 3 * DAY && u(12) < 0.7
        ? seconds(
            assignedAt + Math.min((createdAt + open - assignedAt) * 0.5, (1 + 20 * u(13)) * DAY),
          )
        : null;
    return {
      index,
      kind,
      theme,
      categoryId: u(14) < 0.04 ? null : theme.id,
      subject: pick(theme.subjects, u(15)),
      focus: pick(FOCUS, u(16)),
      place: pick(PLACES, u(17)),
      tags,
      authorId: citizenId(Math.floor(AUTHORS * u(18) ** 1.5)),
      createdAt: new Date(createdAt),
      hot: this.hotBelow(index + 1) > this.hotBelow(index),
      department,
      assignedAt: assignedAt === null ? null : new Date(assignedAt),
      answeredAt: answeredAt === null ? null : new Date(answeredAt),
      closedAt: closedAt === null ? null : new Date(closedAt),
      workflowStatus: closedAt !== null ? 'CLOSED' : answeredAt !== null ? 'ANSWERED' : 'OPEN',
    };
  }

  thread(index: number): ThreadPlan {
    const plan = this.plans[index];
    if (!plan) throw new Error(`thread ${index} is not in the plan`);
    return plan;
  }

  threads(): readonly ThreadPlan[] {
    return this.plans;
  }

  /**
   * A thread's counters as the forum keeps them, from the plan's votes and posts: the votes
   * counted (`recountVotes`); the latest vote's time (a vote sets `lastVoteAt`); the latest of
   * its opening, replies and answer (each moves `lastActivityAt` to its time).
   */
  counters(index: number): ThreadCounters {
    return {
      voteCount: this.voteCount[index]!,
      lastVoteAt: this.lastVoteAt[index] ? new Date(this.lastVoteAt[index]) : null,
      lastActivityAt: new Date(this.lastActivityAt[index]!),
    };
  }

  /** A moment after the thread opened, before it closed (or the anchor): mostly soon after. */
  private after(thread: ThreadPlan, mean: number, u: number, v: number): Date {
    const start = thread.createdAt.getTime();
    const room = (thread.closedAt?.getTime() ?? this.anchor.getTime()) - start;
    const delay = exponential(mean, u);
    return new Date(seconds(start + (delay <= room ? delay : room * v)));
  }

  private replyTime(i: number): Date {
    const thread = this.thread(this.replyThread[i]!);
    return this.after(
      thread,
      (thread.hot ? 30 : 2) * DAY,
      rand(STREAM.reply, i, 43),
      rand(STREAM.reply, i, 44),
    );
  }

  private voteTime(i: number): Date {
    const thread = this.thread(this.voteThread[i]!);
    return this.after(
      thread,
      (thread.hot ? 60 : 4) * DAY,
      rand(STREAM.vote, i, 50),
      rand(STREAM.vote, i, 51),
    );
  }

  /** Active people write more; nobody replies to their own thread here. */
  private replyAuthor(i: number): string {
    const thread = this.thread(this.replyThread[i]!);
    const n = Math.floor(AUTHORS * rand(STREAM.reply, i, 40) ** 1.8);
    return citizenId(citizenId(n) === thread.authorId ? (n + 1) % AUTHORS : n);
  }

  threadDoc(index: number): ThreadDoc {
    const plan = this.thread(index);
    const title =
      `${pick(TITLE_PREFIXES[plan.kind], rand(STREAM.thread, index, 30))} ${plan.subject} ` +
      `${plan.focus} ở ${plan.place}${plan.kind === 'QUESTION' ? '?' : ''}`;
    const paragraphs = [
      `${OPENINGS[plan.kind]} ${plan.subject} ${plan.focus} ở ${plan.place}. ` +
        sentence(benchText(index * 3 + 1, 18 + (index % 17))),
      sentence(benchText(index * 3 + 2, 12 + (index % 23))),
      CLOSINGS[plan.kind],
    ];
    const body = renderBody(paragraphs.join('\n\n'), 'PLAIN');
    return {
      _id: new Types.ObjectId(scaleId('thread', index)),
      title,
      body,
      kind: plan.kind,
      categoryId: plan.categoryId,
      tags: plan.tags,
      tagKeys: tagKeys(plan.tags),
      authorId: plan.authorId,
      workflowStatus: plan.workflowStatus,
      statusBeforeClose: plan.closedAt ? (plan.answeredAt ? 'ANSWERED' : 'OPEN') : null,
      visibility: 'VISIBLE',
      assignedDepartment: plan.department,
      ...this.counters(index),
      // As createThread indexes a thread: its title, sanitized body and tags.
      searchTokens: searchTokens(title, body, plan.tags.join(' ')),
      referral: null,
      feedbackId: null,
      version: 1,
      createdAt: plan.createdAt,
      editedAt: null,
    };
  }

  replyDoc(i: number): PostDoc {
    const u = (draw: number) => rand(STREAM.reply, i, 40 + draw);
    const paragraphs = [`${pick(REPLY_OPENINGS, u(1))} ${benchText(i + 7, 8 + (i % 31))}.`];
    if (u(2) < 0.3) paragraphs.push(sentence(benchText(i + 11, 10 + (i % 19))));
    return {
      _id: new Types.ObjectId(scaleId('reply', i)),
      threadId: new Types.ObjectId(scaleId('thread', this.replyThread[i]!)),
      authorId: this.replyAuthor(i),
      body: renderBody(paragraphs.join('\n\n'), 'PLAIN'),
      isOfficialAnswer: false,
      department: null,
      visibility: 'VISIBLE',
      version: 1,
      createdAt: this.replyTime(i),
      editedAt: null,
    };
  }

  voteDoc(i: number): VoteDoc {
    const t = this.voteThread[i]!;
    const rank = this.voteRank[i]!;
    if (rank >= VOTERS) throw new Error(`thread ${t} has more than ${VOTERS} votes`);
    // A stride through the voters from a place of the thread's own: never the same one twice.
    const voter = (Math.floor(rand(STREAM.voter, t) * VOTERS) + rank * VOTER_STRIDE) % VOTERS;
    return {
      _id: new Types.ObjectId(scaleId('vote', i)),
      threadId: new Types.ObjectId(scaleId('thread', t)),
      userId: citizenId(voter),
      createdAt: this.voteTime(i),
    };
  }

  /** The official answer of an answered thread, by an officer of its department. */
  answerDoc(plan: ThreadPlan): PostDoc {
    const unit = unitByCode(plan.department!)!;
    const words = benchText(plan.index * 5 + 3, 25 + (plan.index % 20));
    const body = renderBody(
      `${unit.name} xin trả lời về ${plan.subject}: ${words}.\n\n` +
        'Mọi vướng mắc xin liên hệ tổng đài 1022 để được hỗ trợ.',
      'PLAIN',
    );
    return {
      _id: new Types.ObjectId(scaleId('answer', plan.index)),
      threadId: new Types.ObjectId(scaleId('thread', plan.index)),
      authorId: officerId(plan.department!),
      body,
      isOfficialAnswer: true,
      department: plan.department,
      visibility: 'VISIBLE',
      version: 1,
      createdAt: plan.answeredAt!,
      editedAt: null,
    };
  }

  /** A moderator's assignment and closing of the thread, as the moderation log has them. */
  logEntries(plan: ThreadPlan): ModerationLogDoc[] {
    const targetId = scaleId('thread', plan.index);
    const entry = (action: 'ASSIGN' | 'CLOSE', at: Date, detail: string | null) => ({
      _id: `scale.${action.toLowerCase()}.${targetId}`,
      action,
      targetId,
      targetKind: 'THREAD' as const,
      actorId: MODERATOR.id,
      note: null,
      detail,
      at,
    });
    return [
      ...(plan.assignedAt ? [entry('ASSIGN', plan.assignedAt, plan.department)] : []),
      ...(plan.closedAt ? [entry('CLOSE', plan.closedAt, null)] : []),
    ];
  }

  /** Everyone who writes in the plan's threads, with the name the forum shows. */
  writers(): ProfileDoc[] {
    const names = new Map<string, string>([[MODERATOR.id, MODERATOR.name]]);
    const citizen = (id: string) => {
      if (names.has(id)) return;
      const n = Number(id.slice(id.lastIndexOf('-') + 1));
      names.set(
        id,
        n < ORGANISATIONS.length
          ? ORGANISATIONS[n]!
          : `${FAMILY[n % FAMILY.length]} ${MIDDLE[(n * 3) % MIDDLE.length]} ${GIVEN[(n * 7) % GIVEN.length]}`,
      );
    };
    for (const plan of this.plans) {
      citizen(plan.authorId);
      if (plan.answeredAt && plan.department)
        names.set(
          officerId(plan.department),
          `Bộ phận trả lời góp ý, ${unitByCode(plan.department)!.name}`,
        );
    }
    for (let i = 0; i < this.counts.replies; i++) citizen(this.replyAuthor(i));
    const firstSeenAt = new Date(this.anchor.getTime() - SPAN - 30 * DAY);
    return [...names].map(([_id, displayName]) => ({
      _id,
      displayName,
      email: null,
      firstSeenAt,
      updatedAt: this.anchor,
    }));
  }
}

/** The `_seeds` marker holding the moment the generated dates lead up to. */
const ANCHOR_MARKER = 'forum-scale';

/**
 * The generated data's dates lead up to the `now` of the first run, kept in the `_seeds`
 * collection: a later run generates the same documents, so counters computed from the
 * assignment match what earlier runs stored.
 */
async function scaleAnchor(models: ForumModels, now: Date): Promise<Date> {
  const markers = models.threads.db.collection<{ _id: string; anchor: Date }>('_seeds');
  const marker = await markers.findOne({ _id: ANCHOR_MARKER });
  if (marker) return marker.anchor;
  await markers.insertOne({ _id: ANCHOR_MARKER, anchor: now });
  return now;
}

/**
 * How many of a kind's generated documents are stored: runs insert them in index order, in
 * ordered batches, so they are a prefix of the indices, found by looking ids up one at a time.
 * (Our FerretDB answers `_id: {$in}` by reading the whole collection; one `_id` is an index
 * search.)
 */
async function storedPrefix(model: Model<any>, kind: string, max: number): Promise<number> {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (await model.exists({ _id: new Types.ObjectId(scaleId(kind, mid)) })) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Inserts those of `docs` not stored yet, in batches, each looked up with one `$in` of its
 * ids; returns how many it inserted.
 */
async function insertMissing<T extends { _id: string | Types.ObjectId }>(
  model: Model<T>,
  docs: readonly T[],
): Promise<number> {
  let count = 0;
  for (let start = 0; start < docs.length; start += BATCH) {
    const slice = docs.slice(start, start + BATCH);
    const have = await storedIds(
      model,
      slice.map((d) => d._id),
    );
    const fresh = slice.filter((d) => !have.has(String(d._id)));
    if (fresh.length) await model.insertMany(fresh, { lean: true });
    count += fresh.length;
  }
  return count;
}

/**
 * Inserts the documents of indices [from, to) in ordered batches, building the next batch
 * while the previous one is written (rendering bodies takes as long as writing them).
 */
async function insertRange<T>(
  model: Model<T>,
  from: number,
  to: number,
  build: (index: number) => T,
): Promise<number> {
  let writing: Promise<unknown> = Promise.resolve();
  for (let start = from; start < to; start += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, to - start) }, (_, k) => build(start + k));
    await writing;
    writing = model.insertMany(docs, { lean: true });
  }
  await writing;
  return Math.max(0, to - from);
}

/**
 * Brings the forum to `fraction` of the scale data (threads, replies, votes), dated up to
 * `now` (of the first run: see `scaleAnchor`), with what comes with them: the profiles of
 * everyone who writes, the official answers of answered threads, and the moderators'
 * assignments and closings in the moderation log. Inserts only what is missing. Thread
 * counters (voteCount, lastVoteAt, lastActivityAt) are computed from the deterministic
 * assignment of every vote and post the database holds after the run: new threads are
 * inserted with them, and stored threads that get new votes or replies are updated first.
 * Then the participation facts the statistics read are synced, as `npm run seed` does.
 *
 * `total` counts the generated documents of each kind the database holds after the run.
 */
export async function seedScale(
  models: ForumModels,
  fraction: number,
  now: Date,
): Promise<ScaleResult> {
  const anchor = await scaleAnchor(models, now);
  const target = scaleCounts(fraction);
  const stored: ScaleCounts = {
    threads: await storedPrefix(models.threads, 'thread', SCALE_DATA.threads),
    replies: await storedPrefix(models.posts, 'reply', SCALE_DATA.replies),
    votes: await storedPrefix(models.votes, 'vote', SCALE_DATA.votes),
  };
  const counts: ScaleCounts = {
    threads: Math.max(stored.threads, target.threads),
    replies: Math.max(stored.replies, target.replies),
    votes: Math.max(stored.votes, target.votes),
  };
  const plan = new ForumScalePlan(counts, anchor);
  const inserted = nothingInserted();

  inserted.profiles = await insertMissing(models.profiles, plan.writers());

  // Stored threads about to get votes or replies take their new counters first: should the
  // run stop before the votes and replies are in, the next one finds them missing again.
  const touched = new Set<number>();
  for (let i = stored.replies; i < counts.replies; i++) touched.add(plan.replyThread[i]!);
  for (let i = stored.votes; i < counts.votes; i++) touched.add(plan.voteThread[i]!);
  for (const t of touched)
    if (t < stored.threads)
      await models.threads.updateOne(
        { _id: new Types.ObjectId(scaleId('thread', t)) },
        { $set: plan.counters(t) },
      );

  // A batch of threads goes in after its answers and log entries, so a stored thread has them.
  for (let start = stored.threads; start < counts.threads; start += BATCH) {
    const end = Math.min(start + BATCH, counts.threads);
    const batch = Array.from({ length: end - start }, (_, k) => plan.thread(start + k));
    inserted.answers += await insertMissing(
      models.posts,
      batch.filter((p) => p.answeredAt).map((p) => plan.answerDoc(p)),
    );
    inserted.moderationLog += await insertMissing(
      models.moderationLog,
      batch.flatMap((p) => plan.logEntries(p)),
    );
    inserted.threads += await insertRange(models.threads, start, end, (t) => plan.threadDoc(t));
  }
  // The seed writes threads and answers directly, not through the services that keep the
  // participation facts: bring them up to date (before the replies: the sync reads every
  // official answer, and FerretDB reads past every post to find them).
  if (inserted.threads || inserted.answers) await syncThreadFacts(models);
  inserted.replies = await insertRange(models.posts, stored.replies, counts.replies, (i) =>
    plan.replyDoc(i),
  );
  inserted.votes = await insertRange(models.votes, stored.votes, counts.votes, (i) =>
    plan.voteDoc(i),
  );

  return {
    inserted,
    total: {
      ...counts,
      answers: plan.threads().filter((p) => p.answeredAt).length,
      profiles: plan.writers().length,
      moderationLog: plan.threads().flatMap((p) => plan.logEntries(p)).length,
    },
  };
}
