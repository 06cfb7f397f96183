import { createHash } from 'node:crypto';
import { ANONYMOUS, type Viewer } from '@portal/auth';
import type { Logger } from '@portal/logger';
import type { EngagementCore } from './services';

const DAY = 86_400_000;
const HOUR = 3_600_000;

const editor: Viewer = {
  ...ANONYMOUS,
  id: 'seed-editor',
  displayName: 'Ban biên tập Cổng CĐS',
  roles: ['citizen', 'editor'],
};

const UNITS = ['SO-KHCN', 'SO-NV', 'SO-YT', 'SO-GDDT', 'SO-TC', 'TT-CDS'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Đặng', 'Bùi'];
const GIVEN = ['Minh Anh', 'Quốc Bảo', 'Thu Hà', 'Đức Huy', 'Ngọc Lan', 'Thanh Tâm', 'Gia Hân'];

function person(i: number, unit: string | null = null): Viewer {
  const name = `${FAMILY[i % FAMILY.length]} ${GIVEN[i % GIVEN.length]}`;
  return {
    ...ANONYMOUS,
    id: `seed-person-${i}`,
    displayName: name,
    email: `nguoidan${i}@example.vn`,
    roles: unit ? ['citizen', 'officer'] : ['citizen'],
    department: unit,
  };
}

/**
 * The forum's first demo thread, whose id the forum seed derives the same way (see
 * apps/forum/src/demo-seed.ts): the demo poll is shown with it.
 */
const FORUM_DEMO_THREAD = createHash('sha1')
  .update('forum-seed:thread:0')
  .digest('hex')
  .slice(0, 24);

/**
 * A demo article of the content seed, whose id it derives the same way (see
 * apps/content/src/seed.ts): the demo article poll is shown with it.
 */
const CONTENT_DEMO_ARTICLE_SLUG = 'thanh-pho-dua-vao-van-hanh-kho-du-lieu-dung-chung';
const CONTENT_DEMO_ARTICLE = createHash('sha1')
  .update(`content-seed:article:${CONTENT_DEMO_ARTICLE_SLUG}`)
  .digest('hex')
  .slice(0, 24);

/** A deterministic spread of answers, so the demo results look like a real survey. */
const pick = (i: number, n: number, salt: number) =>
  ((i * 7 + salt * 13 + ((i * salt) % 5)) % n) + 1;

/**
 * Demo surveys, polls with an article and a forum thread, webinars and a contest taking entries, created through the service's own
 * use cases (so results, seats and reminders are what the running service would make).
 */
export async function seedDemoEngagement(core: EngagementCore, logger: Logger): Promise<void> {
  const { surveys, events } = core;

  const satisfaction = await surveys.create(editor, {
    title: 'Khảo sát mức độ hài lòng với dịch vụ công trực tuyến năm 2026',
    description:
      'Thành phố lấy ý kiến người dân và doanh nghiệp về dịch vụ công trực tuyến để cải thiện chất lượng phục vụ.',
    audience: 'ANYONE',
    anonymous: true,
    resultsVisibility: 'LIVE',
    closesAt: new Date(Date.now() + 30 * DAY),
    sections: [
      {
        title: 'Trải nghiệm sử dụng',
        questions: [
          {
            type: 'SINGLE_CHOICE',
            text: 'Anh/chị đã nộp hồ sơ trực tuyến trong 12 tháng qua chưa?',
            required: true,
            options: [
              { label: 'Đã nộp nhiều lần' },
              { label: 'Đã nộp một lần' },
              { label: 'Chưa nộp' },
            ],
          },
          {
            type: 'MULTIPLE_CHOICE',
            text: 'Anh/chị đã dùng những dịch vụ nào? (tối đa 3)',
            maxChoices: 3,
            options: [
              { label: 'Đăng ký kinh doanh' },
              { label: 'Cấp phép xây dựng' },
              { label: 'Hộ tịch' },
              { label: 'Đất đai' },
              { label: 'Y tế' },
            ],
          },
          {
            type: 'RATING',
            text: 'Mức độ hài lòng chung',
            required: true,
            scaleMin: 1,
            scaleMax: 5,
            scaleMinLabel: 'Rất không hài lòng',
            scaleMaxLabel: 'Rất hài lòng',
          },
        ],
      },
      {
        title: 'Ưu tiên cải thiện',
        questions: [
          {
            type: 'RANKING',
            text: 'Sắp xếp các điểm cần cải thiện theo mức độ ưu tiên',
            options: [
              { label: 'Tốc độ xử lý' },
              { label: 'Giao diện dễ dùng' },
              { label: 'Hỗ trợ trực tuyến' },
            ],
          },
          { type: 'LONG_TEXT', text: 'Góp ý khác của anh/chị' },
        ],
      },
    ],
  });
  await surveys.publish(editor, satisfaction._id.toHexString());
  const comments = [
    'Mong có thêm hướng dẫn bằng video cho người lớn tuổi.',
    'Nên gửi tin nhắn khi hồ sơ thay đổi trạng thái.',
    'Trang web đôi khi chậm vào giờ cao điểm.',
  ];
  for (let i = 0; i < 36; i++) {
    const ranking = [
      ['q4-o1', 'q4-o2', 'q4-o3'],
      ['q4-o3', 'q4-o1', 'q4-o2'],
      ['q4-o2', 'q4-o1', 'q4-o3'],
    ][i % 3]!;
    await surveys.submit(person(i), null, satisfaction._id.toHexString(), [
      { questionId: 'q1', optionIds: [`q1-o${pick(i, 3, 1)}`] },
      {
        questionId: 'q2',
        optionIds: [...new Set([`q2-o${pick(i, 5, 2)}`, `q2-o${pick(i, 5, 3)}`])],
      },
      { questionId: 'q3', rating: Math.min(5, 2 + pick(i, 4, 4) - (i % 7 === 0 ? 1 : 0)) },
      { questionId: 'q4', ranking },
      ...(i % 9 === 0 ? [{ questionId: 'q5', text: comments[(i / 9) % comments.length]! }] : []),
    ]);
  }

  const readiness = await surveys.create(editor, {
    title: 'Khảo sát mức độ sẵn sàng chuyển đổi số của cơ quan, đơn vị',
    description:
      'Dành cho cán bộ, công chức các sở, ngành; kết quả dùng để xây dựng kế hoạch năm 2027.',
    audience: 'UNITS',
    audienceUnits: UNITS,
    anonymous: false,
    resultsVisibility: 'NEVER',
    closesAt: new Date(Date.now() + 14 * DAY),
    sections: [
      {
        title: 'Hạ tầng và kỹ năng',
        questions: [
          {
            type: 'RATING',
            text: 'Hạ tầng công nghệ thông tin của đơn vị đáp ứng công việc ở mức nào?',
            required: true,
            scaleMin: 1,
            scaleMax: 5,
          },
          {
            type: 'SINGLE_CHOICE',
            text: 'Đơn vị đã số hóa hồ sơ lưu trữ đến đâu?',
            required: true,
            options: [{ label: 'Dưới 30%' }, { label: 'Từ 30% đến 70%' }, { label: 'Trên 70%' }],
          },
          { type: 'SHORT_TEXT', text: 'Khó khăn lớn nhất hiện nay' },
        ],
      },
    ],
  });
  await surveys.publish(editor, readiness._id.toHexString());
  for (let i = 0; i < 18; i++) {
    await surveys.submit(
      person(100 + i, UNITS[i % UNITS.length]!),
      null,
      readiness._id.toHexString(),
      [
        { questionId: 'q1', rating: pick(i, 5, 5) },
        { questionId: 'q2', optionIds: [`q2-o${pick(i, 3, 6)}`] },
        ...(i % 4 === 0
          ? [{ questionId: 'q3', text: 'Thiếu nhân lực chuyên trách công nghệ thông tin' }]
          : []),
      ],
    );
  }

  const poll = await surveys.create(editor, {
    kind: 'POLL',
    title: 'Bạn có ủng hộ đề xuất này?',
    audience: 'ANYONE',
    anonymous: true,
    attachTo: { type: 'THREAD', id: FORUM_DEMO_THREAD },
    sections: [
      {
        title: 'Bình chọn nhanh',
        questions: [
          {
            type: 'SINGLE_CHOICE',
            text: 'Bạn có ủng hộ đề xuất này?',
            options: [{ label: 'Ủng hộ' }, { label: 'Cần bàn thêm' }, { label: 'Không ủng hộ' }],
          },
        ],
      },
    ],
  });
  await surveys.publish(editor, poll._id.toHexString());
  for (let i = 0; i < 25; i++)
    await surveys.submit(person(200 + i), null, poll._id.toHexString(), [
      { questionId: 'q1', optionIds: [`q1-o${i % 5 === 0 ? 2 : i % 7 === 0 ? 3 : 1}`] },
    ]);

  // A poll shown with an article, its results public while it is open.
  const articlePoll = await surveys.create(editor, {
    kind: 'POLL',
    title: 'Bạn đã dùng dữ liệu dùng chung của Thành phố chưa?',
    audience: 'ANYONE',
    anonymous: true,
    resultsVisibility: 'LIVE',
    attachTo: { type: 'ARTICLE', id: CONTENT_DEMO_ARTICLE },
    sections: [
      {
        title: 'Bình chọn nhanh',
        questions: [
          {
            type: 'SINGLE_CHOICE',
            text: 'Bạn đã dùng dữ liệu từ Kho dữ liệu dùng chung chưa?',
            options: [
              { label: 'Đã dùng thường xuyên' },
              { label: 'Thỉnh thoảng' },
              { label: 'Chưa dùng' },
            ],
          },
        ],
      },
    ],
  });
  await surveys.publish(editor, articlePoll._id.toHexString());
  for (let i = 0; i < 12; i++)
    await surveys.submit(person(240 + i), null, articlePoll._id.toHexString(), [
      { questionId: 'q1', optionIds: [`q1-o${(i % 3) + 1}`] },
    ]);

  const dayAt = (days: number, hourVn: number) => {
    const d = new Date(Date.now() + days * DAY);
    d.setUTCHours(hourVn - 7, 0, 0, 0);
    return d;
  };
  const webinarStart = dayAt(10, 9);
  const webinar = await events.create(editor, {
    title: 'Hội thảo trực tuyến: Ứng dụng trí tuệ nhân tạo trong dịch vụ công',
    description:
      'Chia sẻ kinh nghiệm ứng dụng trợ lý ảo, nhận dạng giấy tờ và phân tích dữ liệu để rút ngắn thời gian giải quyết hồ sơ.',
    startsAt: webinarStart,
    endsAt: new Date(webinarStart.getTime() + 2.5 * HOUR),
    speakers: [
      {
        name: 'TS. Lê Minh Quân',
        title: 'Phó Giám đốc',
        organization: 'Trung tâm Chuyển đổi số Thành phố',
      },
      {
        name: 'ThS. Phạm Thu Trang',
        title: 'Trưởng phòng',
        organization: 'Sở Khoa học và Công nghệ',
      },
    ],
    agenda: [
      { startsAt: webinarStart, title: 'Khai mạc' },
      {
        startsAt: new Date(webinarStart.getTime() + 0.25 * HOUR),
        title: 'Trợ lý ảo tra cứu thủ tục',
        speaker: 'TS. Lê Minh Quân',
      },
      {
        startsAt: new Date(webinarStart.getTime() + HOUR),
        title: 'Nhận dạng giấy tờ tự động',
        speaker: 'ThS. Phạm Thu Trang',
      },
      { startsAt: new Date(webinarStart.getTime() + 1.75 * HOUR), title: 'Hỏi đáp' },
    ],
    capacity: 300,
    onlineUrl: 'https://www.youtube.com/live/cds-hcm-ai-dich-vu-cong',
  });
  await events.publish(editor, webinar._id.toHexString());
  for (let i = 0; i < 12; i++) await events.register(person(300 + i), webinar._id.toHexString());
  const question = await events.ask(
    person(300),
    webinar._id.toHexString(),
    'Trợ lý ảo có hỗ trợ tra cứu bằng giọng nói tiếng Việt không?',
  );
  for (let i = 1; i < 6; i++) await events.vote(person(300 + i), question._id.toHexString());
  await events.ask(
    person(305),
    webinar._id.toHexString(),
    'Dữ liệu cá nhân của người dân được bảo vệ thế nào?',
  );

  const talkStart = dayAt(21, 14);
  const talk = await events.create(editor, {
    title: 'Tọa đàm: An toàn thông tin cho doanh nghiệp nhỏ và vừa',
    description:
      'Các bước cơ bản để bảo vệ dữ liệu và tài khoản của doanh nghiệp khi chuyển đổi số.',
    startsAt: talkStart,
    endsAt: new Date(talkStart.getTime() + 2 * HOUR),
    speakers: [{ name: 'KS. Võ Hoàng Nam', organization: 'Hiệp hội Doanh nghiệp Thành phố' }],
    capacity: 40,
    venue: 'Hội trường Trung tâm Chuyển đổi số, 1 Công xã Paris, Quận 1',
    onlineUrl: 'https://meet.google.com/cds-hcm-attt',
  });
  await events.publish(editor, talk._id.toHexString());

  const { contests } = core;
  const at = (days: number) => new Date(Date.now() + days * DAY);
  const contest = await contests.create(editor, {
    title: 'Cuộc thi Ý tưởng chuyển đổi số Thành phố Hồ Chí Minh 2026',
    description:
      'Tìm kiếm giải pháp số giúp người dân, doanh nghiệp tiếp cận dịch vụ công thuận tiện hơn.',
    rules:
      'Mỗi cá nhân hoặc nhóm (tối đa 10 thành viên) gửi một bài dự thi gồm mô tả giải pháp và tài liệu kèm theo. Bài dự thi được chỉnh sửa đến hết vòng nhận bài.',
    eligibility:
      'Công dân, sinh viên, doanh nghiệp khởi nghiệp đang sinh sống, học tập, hoạt động tại Thành phố.',
    rounds: [
      { kind: 'SUBMISSION', title: 'Nhận bài dự thi', startsAt: at(-5), endsAt: at(20) },
      { kind: 'JUDGING', title: 'Chấm sơ khảo', startsAt: at(20), endsAt: at(30) },
      { kind: 'PUBLIC_VOTE', title: 'Bình chọn trực tuyến', startsAt: at(30), endsAt: at(37) },
    ],
    criteria: [
      { name: 'Tính sáng tạo', weight: 3, maxScore: 10 },
      { name: 'Khả năng triển khai', weight: 2, maxScore: 10 },
      { name: 'Lợi ích cho người dân', weight: 2, maxScore: 10 },
    ],
    prizes: [
      { rank: 1, title: 'Giải Nhất', description: '100 triệu đồng và hỗ trợ triển khai thí điểm' },
      { rank: 2, title: 'Giải Nhì', description: '50 triệu đồng' },
      { rank: 3, title: 'Giải Ba', description: '30 triệu đồng' },
    ],
  });
  const contestId = contest._id.toHexString();
  await contests.publish(editor, contestId);
  await contests.assignJudges(editor, contestId, ['seed-judge-1', 'seed-judge-2', 'seed-judge-3']);
  const ideas = [
    ['Trợ lý ảo tra cứu thủ tục hành chính bằng giọng nói', 'Nhóm Sinh viên Bách khoa'],
    [
      'Bản đồ điểm ngập theo thời gian thực từ cảm biến cộng đồng',
      'Công ty Khởi nghiệp Dữ liệu Xanh',
    ],
    ['Ví giấy tờ số cho hộ kinh doanh cá thể', 'Nhóm Chợ Bến Thành Số'],
  ];
  for (const [i, [title, team]] of ideas.entries())
    await contests.submitEntry(person(400 + i), contestId, {
      title,
      description: `${title}: giải pháp giúp người dân và doanh nghiệp tiết kiệm thời gian khi làm thủ tục.`,
      team: [{ name: person(400 + i).displayName!, role: 'Trưởng nhóm' }, { name: team }],
    });

  logger.info(
    { surveys: 3, responses: 36 + 18 + 25, events: 2, registrations: 12, contests: 1, entries: 3 },
    'demo surveys, poll and events created',
  );
}
