import type { Viewer } from '@portal/auth';
import { unitByCode } from '@portal/reference-data';

/**
 * The contributor network: the portal's own reporters and editors (no unit claim), and the
 * focal points of departments, agencies and utilities, and of districts, who send in news.
 */
export const CONTRIBUTOR_ROLES = [
  'CITY_REPORTER',
  'DEPARTMENT_FOCAL_POINT',
  'DISTRICT_FOCAL_POINT',
] as const;
export type ContributorRole = (typeof CONTRIBUTOR_ROLES)[number];

/** The role a writer contributes in, from their unit claim (`department`). */
export function contributorRoleOf(viewer: Pick<Viewer, 'department'>): ContributorRole {
  if (!viewer.department) return 'CITY_REPORTER';
  return unitByCode(viewer.department)?.kind === 'DISTRICT'
    ? 'DISTRICT_FOCAL_POINT'
    : 'DEPARTMENT_FOCAL_POINT';
}
