import type { Page } from '@portal/db';
import type { BulletinIssueRecord } from '../models';

/** A page of issues as `paginate` returns it (totalCount is a thunk the resolver calls). */
export type IssueConnection = Page<BulletinIssueRecord>;
