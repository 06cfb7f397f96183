import type { Viewer } from './session.server';
import { listFilter } from './list-query';
import { hasRole } from './portal-data';

/**
 * The staff console's status filter (`?trang-thai=`) over `statuses`; `all: false` leaves out
 * the "all statuses" option.
 */
export function statusFilter<T extends string>(
  statuses: readonly T[],
  options: { id?: string; all?: boolean } = {},
) {
  return listFilter<T>({
    param: 'trang-thai',
    id: options.id ?? 'st',
    label: 'status',
    choices: statuses,
    empty: options.all === false ? undefined : 'all',
  });
}

/** Who enters the staff console at all. */
export const STAFF_ROLES = ['contributor', 'editor', 'moderator', 'officer', 'admin'];

/** Who drafts articles and library items (and uploads their files): contributors and editors. */
export const EDITORIAL_ROLES = ['contributor', 'editor', 'admin'];

/** Who publishes articles, library items and bulletins, and reads the statistics. */
export const EDITOR_ROLES = ['editor', 'admin'];

/** Who moderates the forum's content. */
export const MODERATOR_ROLES = ['moderator', 'admin'];

/** Who handles forum threads and hotline referrals: moderators, and officers for their unit. */
export const CASEWORK_ROLES = ['moderator', 'officer', 'admin'];

/** Who publishes contest results and promotes winners: the engagement graph's editors. */
export const CONTEST_EDITORS = ['editor', 'admin'];

/** Who reads the monthly reports: the roles portalStats and monthlyReport answer. */
export const REPORT_ROLES = ['editor', 'admin'];

/** Which staff roles see which parts of the console. */
export const CONSOLE_SECTIONS = [
  {
    path: '/quan-tri/bai-viet',
    vi: 'Bài viết',
    en: 'Articles',
    roles: EDITORIAL_ROLES,
  },
  {
    path: '/quan-tri/thu-vien',
    vi: 'Thư viện',
    en: 'Library',
    roles: EDITORIAL_ROLES,
  },
  { path: '/quan-tri/ban-tin', vi: 'Bản tin', en: 'Bulletins', roles: EDITOR_ROLES },
  {
    path: '/quan-tri/kiem-duyet',
    vi: 'Kiểm duyệt',
    en: 'Moderation',
    roles: MODERATOR_ROLES,
  },
  {
    path: '/quan-tri/dien-dan',
    vi: 'Chủ đề diễn đàn',
    en: 'Forum threads',
    roles: CASEWORK_ROLES,
  },
  {
    path: '/quan-tri/phan-anh',
    vi: 'Phản ánh 1022',
    en: 'Referrals',
    roles: CASEWORK_ROLES,
  },
  {
    path: '/quan-tri/cuoc-thi',
    vi: 'Cuộc thi, trưng bày',
    en: 'Contests, showcase',
    roles: CONTEST_EDITORS,
  },
  { path: '/quan-tri/thong-ke', vi: 'Thống kê', en: 'Statistics', roles: EDITOR_ROLES },
  {
    path: '/quan-tri/bao-cao',
    vi: 'Báo cáo tháng',
    en: 'Monthly reports',
    roles: REPORT_ROLES,
  },
];

/** The parts of the console `viewer` may use, in the console's order. */
export function consoleSectionsFor(viewer: Viewer | null) {
  return CONSOLE_SECTIONS.filter((s) => hasRole(viewer, ...s.roles));
}

/** A local date and time typed in the city (UTC+7, no daylight saving) as an ISO instant. */
export function cityLocalToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const date = new Date(`${value}:00+07:00`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
