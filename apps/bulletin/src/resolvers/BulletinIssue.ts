import type {
  BulletinIssueResolvers,
  BulletinItemResolvers,
  BulletinIssueConnectionResolvers,
  ReadAloudResolvers,
} from '../__generated__/resolvers-types';
import type { BulletinContext } from '../context';
import { isVisibleTo } from '../domain/issue-rules';
import { groupIntoSections } from '../domain/issue-sections';
import { audioUrl } from '../domain/links';
import { loadEntity } from '@portal/graphql-kit';

export const BulletinIssue: BulletinIssueResolvers<BulletinContext> = {
  // N references cost one `$in` query (the per-request loader), with the same visibility as Query.
  __resolveReference: (ref, ctx) =>
    loadEntity(ref, ctx.loaders.issueById, (issue) => isVisibleTo(issue, ctx.viewer)),
  id: (issue) => issue._id.toHexString(),
  sections: async (issue, _args, ctx) =>
    groupIntoSections(await ctx.loaders.itemsByIssue.load(issue._id.toHexString())),
  // The read-aloud text belongs to the published issue.
  readAloud: (issue) => (issue.status === 'PUBLISHED' ? issue.readAloud : null),
};

export const BulletinItem: BulletinItemResolvers<BulletinContext> = {
  // A reference the content subgraph resolves (null if the article is no longer published).
  article: (item) => ({ id: item.articleId }),
};

export const ReadAloud: ReadAloudResolvers<BulletinContext> = {
  audioUrl: (readAloud, _args, ctx) => audioUrl(ctx.links, readAloud.audioFile),
  durationSeconds: (readAloud) =>
    readAloud.durationSeconds === null ? null : Math.round(readAloud.durationSeconds),
};

export const BulletinIssueConnection: BulletinIssueConnectionResolvers<BulletinContext> = {
  totalCount: (connection) => connection.totalCount(),
};
