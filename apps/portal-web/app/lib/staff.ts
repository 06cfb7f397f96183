/** Which staff roles see which parts of the console. */
export const STAFF_ROLES = ['contributor', 'editor', 'moderator', 'officer', 'admin'];

export const CONSOLE_SECTIONS = [
  {
    path: '/quan-tri/bai-viet',
    vi: 'Bài viết',
    en: 'Articles',
    roles: ['contributor', 'editor', 'admin'],
  },
  {
    path: '/quan-tri/thu-vien',
    vi: 'Thư viện',
    en: 'Library',
    roles: ['contributor', 'editor', 'admin'],
  },
  { path: '/quan-tri/ban-tin', vi: 'Bản tin', en: 'Bulletins', roles: ['editor', 'admin'] },
  {
    path: '/quan-tri/kiem-duyet',
    vi: 'Kiểm duyệt',
    en: 'Moderation',
    roles: ['moderator', 'admin'],
  },
  {
    path: '/quan-tri/dien-dan',
    vi: 'Chủ đề diễn đàn',
    en: 'Forum threads',
    roles: ['moderator', 'officer', 'admin'],
  },
  {
    path: '/quan-tri/phan-anh',
    vi: 'Phản ánh 1022',
    en: 'Referrals',
    roles: ['moderator', 'officer', 'admin'],
  },
  {
    path: '/quan-tri/cuoc-thi',
    vi: 'Cuộc thi, trưng bày',
    en: 'Contests, showcase',
    roles: ['editor', 'admin'],
  },
  { path: '/quan-tri/thong-ke', vi: 'Thống kê', en: 'Statistics', roles: ['editor', 'admin'] },
  {
    path: '/quan-tri/bao-cao',
    vi: 'Báo cáo tháng',
    en: 'Monthly reports',
    roles: ['editor', 'admin'],
  },
] as const;

/** Who publishes contest results and promotes winners: the engagement graph's editors. */
export const CONTEST_EDITORS = ['editor', 'admin'];

/** Who reads the monthly reports: the roles portalStats and monthlyReport answer. */
export const REPORT_ROLES = ['editor', 'admin'];

/** A local date and time typed in the city (UTC+7, no daylight saving) as an ISO instant. */
export function cityLocalToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const date = new Date(`${value}:00+07:00`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
