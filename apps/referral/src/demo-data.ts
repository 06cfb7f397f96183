import { Types, type Connection } from 'mongoose';
import { ANONYMOUS, type Viewer } from '@portal/auth';
import { isDomainError } from '@portal/errors';
import type { Logger } from '@portal/logger';
import type { Outbox } from '@portal/queue';
import type { ReferralStatus } from './domain/referral-status';
import { receivedReferral } from './domain/received-referral';
import { createReferralCore, type ReferralCore } from './services';
import type { ReferralStatsRecorder } from './stats/referral-stats-counter';

const HOUR = 3_600_000;

type Step =
  | { at: number; by: 'dispatcher'; ticketId: string }
  | { at: number; by: 'dispatcher-failed'; reason: string }
  | {
      at: number;
      by: 'hotline';
      status: Exclude<ReferralStatus, 'RECEIVED' | 'FORWARDED' | 'FAILED'>;
      note?: string;
      publicResponse?: string;
    }
  | {
      at: number;
      by: 'officer';
      status: Exclude<ReferralStatus, 'RECEIVED' | 'FORWARDED' | 'FAILED'>;
      note?: string;
      publicResponse?: string;
    };

interface DemoReferral {
  /** Fixed, so the seed is idempotent: the referral's natural key is `direct:<id>`. */
  id: string;
  categoryCode: string;
  subject: string;
  body: string;
  contactEmail: string | null;
  citizen: string;
  /** Hours before now it was received. */
  receivedHoursAgo: number;
  /** Hours after it was received. */
  steps: Step[];
}

const DEMO: DemoReferral[] = [
  {
    id: '66a000000000000000000001',
    categoryCode: 'DIEN',
    subject: 'Mất điện thường xuyên ở hẻm 123 Lê Văn Sỹ',
    body: 'Hẻm 123 Lê Văn Sỹ, phường 13, quận 3 mất điện 3-4 lần mỗi tuần vào buổi tối, mỗi lần kéo dài hơn một giờ. Đề nghị ngành điện kiểm tra lưới điện khu vực.',
    contactEmail: 'nguyen.van.an@example.vn',
    citizen: 'Nguyễn Văn An',
    receivedHoursAgo: 200,
    steps: [
      { at: 0.1, by: 'dispatcher', ticketId: '1022-DEMO-000101' },
      { at: 2, by: 'hotline', status: 'ACKNOWLEDGED', note: 'Tổng đài 1022 đã tiếp nhận.' },
      { at: 6, by: 'hotline', status: 'IN_PROGRESS', note: 'Đã chuyển Công ty Điện lực Sài Gòn.' },
      {
        at: 20,
        by: 'hotline',
        status: 'RESOLVED',
        publicResponse:
          'Điện lực Sài Gòn đã thay dây dẫn và máy biến áp quá tải tại khu vực; việc cấp điện đã ổn định.',
      },
    ],
  },
  {
    id: '66a000000000000000000002',
    categoryCode: 'NUOC',
    subject: 'Nước sinh hoạt có mùi lạ tại chung cư Phú Mỹ',
    body: 'Từ ba ngày nay nước máy tại chung cư Phú Mỹ, quận 7 có mùi clo rất nặng và màu hơi vàng. Nhiều hộ dân phải mua nước đóng bình để nấu ăn.',
    contactEmail: 'tran.thi.binh@example.vn',
    citizen: 'Trần Thị Bình',
    receivedHoursAgo: 60,
    steps: [
      { at: 0.1, by: 'dispatcher', ticketId: '1022-DEMO-000102' },
      { at: 1, by: 'hotline', status: 'ACKNOWLEDGED' },
      {
        at: 5,
        by: 'officer',
        status: 'IN_PROGRESS',
        note: 'Đã lấy mẫu nước để xét nghiệm, chờ kết quả.',
      },
    ],
  },
  {
    id: '66a000000000000000000003',
    categoryCode: 'MOI-TRUONG',
    subject: 'Bãi rác tự phát trên đường Trường Sa',
    body: 'Đoạn đường Trường Sa gần cầu Lê Văn Sỹ có bãi rác tự phát, bốc mùi hôi thối, ảnh hưởng người đi đường và hộ dân ven kênh.',
    contactEmail: null,
    citizen: 'Lê Minh Châu',
    receivedHoursAgo: 30,
    steps: [
      { at: 0.2, by: 'dispatcher', ticketId: '1022-DEMO-000103' },
      {
        at: 3,
        by: 'hotline',
        status: 'ACKNOWLEDGED',
        note: 'Đã chuyển Sở Nông nghiệp và Môi trường.',
      },
    ],
  },
  {
    id: '66a000000000000000000004',
    categoryCode: 'GIAO-THONG',
    subject: 'Đèn tín hiệu ngã tư Hàng Xanh không hoạt động',
    body: 'Đèn tín hiệu giao thông tại ngã tư Hàng Xanh tắt từ sáng nay, xe cộ đi lại lộn xộn, nguy cơ tai nạn cao vào giờ cao điểm.',
    contactEmail: 'pham.quoc.dung@example.vn',
    citizen: 'Phạm Quốc Dũng',
    receivedHoursAgo: 4,
    steps: [{ at: 0.1, by: 'dispatcher', ticketId: '1022-DEMO-000104' }],
  },
  {
    id: '66a000000000000000000005',
    categoryCode: 'Y-TE',
    subject: 'Phòng khám tư quảng cáo chữa bệnh sai sự thật',
    body: 'Một phòng khám trên đường 3 Tháng 2 phát tờ rơi quảng cáo chữa khỏi hoàn toàn bệnh tiểu đường trong 30 ngày. Đề nghị cơ quan chức năng kiểm tra.',
    contactEmail: 'hoang.thu.ha@example.vn',
    citizen: 'Hoàng Thu Hà',
    receivedHoursAgo: 120,
    steps: [
      { at: 0.1, by: 'dispatcher', ticketId: '1022-DEMO-000105' },
      { at: 4, by: 'hotline', status: 'ACKNOWLEDGED' },
      {
        at: 30,
        by: 'officer',
        status: 'REJECTED',
        publicResponse:
          'Thanh tra Sở Y tế đã kiểm tra; phòng khám đã ngừng hoạt động và bị thu hồi giấy phép từ trước, không còn đối tượng để xử lý.',
      },
    ],
  },
  {
    id: '66a000000000000000000006',
    categoryCode: 'DO-THI',
    subject: 'Cây xanh nghiêng có nguy cơ ngã trên đường Điện Biên Phủ',
    body: 'Cây dầu lớn trước số 250 Điện Biên Phủ bị nghiêng sau cơn mưa, rễ trồi lên vỉa hè, có nguy cơ ngã đè người đi đường.',
    contactEmail: 'vo.thanh.son@example.vn',
    citizen: 'Võ Thanh Sơn',
    receivedHoursAgo: 0.5,
    steps: [],
  },
  {
    id: '66a000000000000000000007',
    categoryCode: 'HANH-CHINH',
    subject: 'Hồ sơ đổi giấy phép lái xe trễ hẹn',
    body: 'Tôi nộp hồ sơ đổi giấy phép lái xe trực tuyến từ ba tuần trước, hẹn trả sau 5 ngày làm việc nhưng đến nay vẫn chưa nhận được.',
    contactEmail: 'dang.my.linh@example.vn',
    citizen: 'Đặng Mỹ Linh',
    receivedHoursAgo: 90,
    steps: [
      { at: 2, by: 'dispatcher-failed', reason: 'hotline answered HTTP 503: hotline unavailable' },
    ],
  },
  {
    id: '66a000000000000000000008',
    categoryCode: 'XAY-DUNG',
    subject: 'Công trình xây dựng không phép trong hẻm 45 Nguyễn Trãi',
    body: 'Căn nhà số 45/12 Nguyễn Trãi, quận 1 đang xây thêm hai tầng, không treo biển báo giấy phép, thi công cả ban đêm gây ồn.',
    contactEmail: null,
    citizen: 'Bùi Văn Khoa',
    receivedHoursAgo: 48,
    steps: [
      { at: 0.1, by: 'dispatcher', ticketId: '1022-DEMO-000108' },
      { at: 2, by: 'hotline', status: 'ACKNOWLEDGED' },
      { at: 10, by: 'hotline', status: 'IN_PROGRESS', note: 'Đã chuyển UBND phường kiểm tra.' },
    ],
  },
  {
    id: '66a000000000000000000009',
    categoryCode: 'THUE',
    subject: 'Không tra cứu được hóa đơn điện tử',
    body: 'Trang tra cứu hóa đơn điện tử báo lỗi khi nhập mã số thuế của doanh nghiệp tôi từ đầu tháng.',
    contactEmail: 'ke.toan@congty-abc.example.vn',
    citizen: 'Công ty TNHH ABC',
    receivedHoursAgo: 150,
    steps: [
      { at: 0.1, by: 'dispatcher', ticketId: '1022-DEMO-000109' },
      { at: 1, by: 'hotline', status: 'ACKNOWLEDGED' },
      { at: 8, by: 'hotline', status: 'IN_PROGRESS' },
      {
        at: 50,
        by: 'officer',
        status: 'RESOLVED',
        publicResponse:
          'Thuế Thành phố đã khắc phục lỗi đồng bộ dữ liệu; doanh nghiệp đã tra cứu được hóa đơn.',
      },
    ],
  },
  {
    id: '66a00000000000000000000a',
    categoryCode: 'AN-NINH',
    subject: 'Tụ tập đua xe trái phép trên đại lộ Võ Văn Kiệt',
    body: 'Khoảng 23 giờ các tối cuối tuần có nhóm thanh niên tụ tập đua xe trên đại lộ Võ Văn Kiệt đoạn gần cầu Calmette.',
    contactEmail: null,
    citizen: 'Người dân',
    receivedHoursAgo: 40,
    steps: [
      { at: 0.1, by: 'dispatcher', ticketId: '1022-DEMO-000110' },
      { at: 1, by: 'hotline', status: 'ACKNOWLEDGED', note: 'Đã chuyển Công an Thành phố.' },
    ],
  },
];

/** Demo mailboxes for every agency the categories route to (local mail sink only). */
const DEMO_CONTACTS: Record<string, string> = {
  EVNHCMC: 'cskh@evnhcmc.example.vn',
  SAWACO: 'tiepnhan@sawaco.example.vn',
  'CA-TP': 'tiepdan@congan.example.vn',
  'SO-YT': 'tiepnhan@soyte.example.vn',
  'SO-NNMT': 'tiepnhan@sonnmt.example.vn',
  'SO-XD': 'tiepnhan@soxaydung.example.vn',
  'VP-UBND': 'tiepnhan@vpubnd.example.vn',
  'SO-GDDT': 'tiepnhan@sogddt.example.vn',
  'THUE-TP': 'hotro@thue.example.vn',
  'BHXH-TP': 'tiepnhan@bhxh.example.vn',
};

// Demo history must not mail anyone or call the hotline: its jobs go nowhere.
const SILENT_OUTBOX = { add: async () => {} } as unknown as Outbox;
/** The demo is seeded before the apps start; the subgraph's start-up backfill counts it. */
const UNCOUNTED: ReferralStatsRecorder = {
  countReferral: async () => false,
  countEvent: async () => false,
};

/**
 * Demo referrals in every status across categories (some overdue), each with its history,
 * written through the same use cases as real ones with the clock set back. Idempotent:
 * referrals are keyed by fixed ids, and existing ones are left alone.
 */
export async function seedDemoReferrals(
  conn: Connection,
  logger: Logger,
  now = new Date(),
): Promise<number> {
  let clock = now;
  const core = createReferralCore({
    conn,
    outbox: SILENT_OUTBOX,
    stats: UNCOUNTED,
    forum: null,
    webBaseUrl: 'http://localhost',
    logger,
    now: () => clock,
  });
  await core.categories.ensureDefaults();
  const admin: Viewer = {
    ...ANONYMOUS,
    id: 'demo-admin',
    displayName: 'Quản trị',
    roles: ['admin'],
  };
  for (const [agency, email] of Object.entries(DEMO_CONTACTS))
    await core.contacts.set(admin, { agency, email, name: null });

  let added = 0;
  for (const demo of DEMO) {
    const category = await core.categories.requireActive(demo.categoryCode, 'categoryCode');
    const received = new Date(now.getTime() - demo.receivedHoursAgo * HOUR);
    let inserted = true;
    let done = 0;
    try {
      await core.repo.insert({
        _id: new Types.ObjectId(demo.id),
        source: 'DIRECT',
        sourceKey: `direct:${demo.id}`,
        threadId: null,
        postId: null,
        subject: demo.subject,
        summary: demo.body,
        referralNote: null,
        receivedNote: 'Đã tiếp nhận phản ánh.',
        createdBy: { kind: 'CITIZEN', id: null, name: demo.citizen },
        contact: demo.contactEmail ? { email: demo.contactEmail, name: demo.citizen } : null,
        submittedBy: null,
        ...receivedReferral(category, received),
      });
    } catch (err) {
      // Seeded before, perhaps by a run that stopped half-way: each step is one event, so
      // the version says how many of its steps are done.
      if (!isConflict(err)) throw err;
      inserted = false;
      done = (await core.repo.findById(demo.id))!.version - 1;
    }
    const officer: Viewer = {
      ...ANONYMOUS,
      id: `demo-officer-${category.targetAgency}`,
      displayName: 'Cán bộ tiếp nhận',
      roles: ['citizen', 'officer'],
      department: category.targetAgency,
    };
    let ticketId = '';
    for (const [i, step] of demo.steps.entries()) {
      if (step.by === 'dispatcher') ticketId = step.ticketId;
      if (i < done) continue;
      clock = new Date(received.getTime() + step.at * HOUR);
      await applyStep(core, demo.id, officer, ticketId, step);
    }
    if (inserted) added++;
  }
  return added;
}

/** One step of a demo referral's life, through the use case that does it for real. */
async function applyStep(
  core: ReferralCore,
  referralId: string,
  officer: Viewer,
  ticketId: string,
  step: Step,
): Promise<void> {
  if (step.by === 'dispatcher') {
    await core.referrals.recordForwarded(referralId, step.ticketId);
  } else if (step.by === 'dispatcher-failed') {
    await core.referrals.recordDispatchFailure(referralId, step.reason);
  } else if (step.by === 'hotline') {
    await core.referrals.applyCallback({
      referralId,
      ticketId,
      status: step.status,
      note: step.note ?? null,
      publicResponse: step.publicResponse ?? null,
    });
  } else {
    await core.referrals.updateStatus(officer, {
      id: referralId,
      status: step.status,
      note: step.note ?? null,
      publicResponse: step.publicResponse ?? null,
    });
  }
}

function isConflict(err: unknown): boolean {
  return isDomainError(err) && err.code === 'CONFLICT';
}
