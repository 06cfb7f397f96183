/** The article vocabularies, shared by models, rules and the schema (which must match). */
export const ARTICLE_KINDS = [
  'NEWS',
  'PLAN',
  'PROGRAMME',
  'HANDBOOK',
  'ANNOUNCEMENT',
  'COOPERATION',
] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

export const ARTICLE_SCOPES = ['CITY', 'NATIONAL', 'WORLD'] as const;
export type ArticleScope = (typeof ARTICLE_SCOPES)[number];

export const ARTICLE_STATUSES = [
  'DRAFT',
  'IN_REVIEW',
  'SCHEDULED',
  'PUBLISHED',
  'ARCHIVED',
] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** The devices article views are counted by: the same classes as every page view's audience. */
export { AUDIENCE_DEVICES as DEVICE_CLASSES, type AudienceDevice as DeviceClass } from '@portal/db';

export const REVISION_ACTIONS = [
  'CREATED',
  'UPDATED',
  'SUBMITTED',
  'RETURNED_TO_DRAFT',
  'SCHEDULED',
  'PUBLISHED',
  'ARCHIVED',
] as const;
export type RevisionAction = (typeof REVISION_ACTIONS)[number];
