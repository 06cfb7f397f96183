import { z } from 'zod';

/**
 * The one registry of queues and their payloads, shared by producers and consumers.
 * Payloads carry ids, not personal data; the exception is `notifications`, whose
 * recipients' addresses the notifier cannot look up anywhere else.
 */

const objectId = z.string().regex(/^[a-f0-9]{24}$/, 'must be an ObjectId');
const isoDate = z.iso.datetime({ offset: true });

export const contentPublishPayload = z.object({
  articleId: objectId,
  /** The scheduled time this job was created for; a job for an older schedule does nothing. */
  scheduledAt: isoDate,
});

export const bulletinPublishPayload = z.object({
  issueId: objectId,
  /** null for "publish now". */
  scheduledAt: isoDate.nullable(),
});

export const referralDispatchPayload = z.object({ referralId: objectId });

export const forumEventPayload = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('thread.referred'),
    threadId: objectId,
    referralId: objectId,
    trackingCode: z.string().min(1),
  }),
  z.object({
    /** Citizen feedback that is about digital transformation becomes a FEEDBACK thread. */
    type: z.literal('feedback.submitted'),
    /** Chosen by the producer, so the thread id is known before the forum creates it. */
    threadId: objectId,
    feedbackId: z.string().min(1),
    title: z.string().min(1).max(200),
    body: z.string().min(1).max(20_000),
    author: z.object({ id: z.string().min(1), displayName: z.string().min(1) }).nullable(),
    categoryId: z.string().optional(),
  }),
  z.object({
    /** Forum → forum worker: notify the thread's followers of a new official answer. */
    type: z.literal('answer.posted'),
    threadId: objectId,
    postId: objectId,
  }),
]);

/** Engagement → its worker: event reminders and the notices that fan out to registrations. */
export const engagementEventPayload = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('event.reminder'),
    eventId: objectId,
    kind: z.enum(['DAY_BEFORE', 'HOUR_BEFORE']),
    /** The start time the reminder was scheduled for; a reminder for an older time does nothing. */
    startsAt: isoDate,
  }),
  z.object({
    type: z.literal('event.notice'),
    eventId: objectId,
    notice: z.enum(['UPDATED', 'CANCELLED', 'FOLLOW_UP']),
    /** The event's iCalendar sequence the notice is for; an older one does nothing. */
    sequence: z.number().int().min(0),
  }),
]);

/** Awards of the city's AI-Challenge (and other contests) a showcase entry can carry. */
export const SHOWCASE_AWARDS = ['FIRST', 'SECOND', 'THIRD', 'CONSOLATION', 'SPECIAL'] as const;
export type ShowcaseAward = (typeof SHOWCASE_AWARDS)[number];

/** Categories of the library's app directory, which showcase entries share. */
export const APP_CATEGORIES = [
  'PUBLIC_SERVICES',
  'CITIZEN_ENGAGEMENT',
  'HEALTH',
  'EDUCATION',
  'TRANSPORT',
  'BUSINESS',
  'OPEN_DATA',
  'SECURITY',
  'OTHER',
] as const;
export type AppCategory = (typeof APP_CATEGORIES)[number];

/**
 * Other services → the library worker. `showcase.promote`: a contest winner (engagement)
 * becomes a showcase entry. The library cannot read engagement's database, so the job
 * carries the entry's public data (winners are published), and the id of the showcase entry
 * to create, chosen by the producer: the library creates it once however often it arrives.
 */
export const libraryEventPayload = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('showcase.promote'),
    showcaseEntryId: objectId,
    contestId: objectId,
    contestEntryId: objectId,
    contestTitle: z.string().min(1).max(300),
    title: z.string().min(1).max(300),
    description: z.string().min(1).max(5000),
    team: z
      .array(z.object({ name: z.string().min(1).max(200), role: z.string().max(200).nullable() }))
      .max(50),
    award: z.enum(SHOWCASE_AWARDS),
    awardTitle: z.string().max(200).nullable(),
    year: z.number().int().min(2000).max(2100),
    category: z.enum(APP_CATEGORIES),
    tryItUrl: z.url(),
    demoVideoItemId: objectId.nullable(),
    promotedBy: z.string().min(1).max(200),
  }),
]);

/** Assistant → its worker: sync the open-data catalog, or preview one version of a resource. */
export const assistantCatalogPayload = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sync') }),
  z.object({
    type: z.literal('preview'),
    resourceId: z.string().min(1).max(200),
    /** The file version the preview is for; a job for an older version does nothing. */
    fingerprint: z.string().regex(/^[a-f0-9]{16}$/),
  }),
]);

/** Assistant worker: re-index changed objects of the graph, or rebuild the whole index. */
export const assistantIndexPayload = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('refresh'),
    source: z.enum(['Article', 'LibraryItem', 'Thread', 'Dataset']),
    ids: z.array(z.string().min(1).max(200)).max(1000),
  }),
  z.object({
    type: z.literal('rebuild'),
    /** Only this type's objects (every indexed type without it). */
    source: z.enum(['Article', 'LibraryItem', 'Thread', 'Dataset']).optional(),
  }),
]);

/**
 * Content worker: build (once) the portal's monthly report for leaders and e-mail it to the
 * subscribed ones. `month` is the city month ("2025-11"); null (the month-end schedule) means
 * the month that ended just before the job's scheduled time.
 */
export const contentReportPayload = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, e.g. 2025-11')
    .nullable(),
});

/** A periodic task of one service (flush counters, flag overdue items, clean up). */
export const maintenancePayload = z.object({ task: z.string().min(1) });

export const emailRecipient = z.object({
  /** Stable id of the recipient within the notification (subscriber id, user id). */
  id: z.string().min(1).max(200),
  email: z.email(),
  name: z.string().max(200).optional(),
  unsubscribeUrl: z.url().optional(),
});

/** What an event's e-mails (and their .ics invitation) show. */
const engagementEventData = z.object({
  eventId: objectId,
  title: z.string().min(1).max(300),
  startsAt: isoDate,
  endsAt: isoDate,
  timeZone: z.string().min(1).max(64),
  onlineUrl: z.url().nullable(),
  venue: z.string().max(300).nullable(),
  url: z.url(),
  /** iCalendar SEQUENCE: calendars apply the invitation with the highest one. */
  sequence: z.number().int().min(0),
});

export const emailTemplates = z.discriminatedUnion('template', [
  z.object({
    template: z.literal('bulletin.confirm-subscription'),
    data: z.object({ confirmUrl: z.url() }),
  }),
  z.object({
    template: z.literal('bulletin.issue-published'),
    data: z.object({
      issueId: objectId,
      number: z.number().int(),
      year: z.number().int(),
      month: z.number().int().min(1).max(12),
      title: z.string(),
      url: z.url(),
      audioUrl: z.url().nullable(),
      highlights: z.array(z.object({ title: z.string(), url: z.url() })).max(50),
    }),
  }),
  z.object({
    template: z.literal('forum.official-answer'),
    data: z.object({
      threadId: objectId,
      threadTitle: z.string(),
      department: z.string(),
      answerExcerpt: z.string(),
      url: z.url(),
    }),
  }),
  z.object({
    template: z.literal('referral.closed'),
    data: z.object({
      trackingCode: z.string(),
      status: z.enum(['RESOLVED', 'REJECTED']),
      publicResponse: z.string().nullable(),
      trackUrl: z.url(),
    }),
  }),
  z.object({
    template: z.literal('referral.overdue'),
    data: z.object({
      trackingCode: z.string(),
      categoryName: z.string(),
      agencyName: z.string(),
      slaDueAt: isoDate,
      url: z.url(),
    }),
  }),
  z.object({
    /** A registration's state, with the invitation (.ics) while it is CONFIRMED. */
    template: z.literal('engagement.event-registration'),
    data: engagementEventData.extend({
      status: z.enum(['CONFIRMED', 'WAITLISTED', 'EVENT_CANCELLED', 'UPDATED']),
    }),
  }),
  z.object({
    template: z.literal('engagement.event-reminder'),
    data: engagementEventData.extend({ kind: z.enum(['DAY_BEFORE', 'HOUR_BEFORE']) }),
  }),
  z.object({
    /** The portal's monthly report for leaders: headline figures and where to read it. */
    template: z.literal('portal.monthly-report'),
    data: z.object({
      month: z.string().regex(/^\d{4}-\d{2}$/),
      /** The printable page and the CSV, in the staff console (sign-in required). */
      reportUrl: z.url(),
      csvUrl: z.url(),
      headlines: z
        .array(z.object({ label: z.string().min(1).max(200), value: z.string().max(100) }))
        .max(20),
    }),
  }),
  z.object({
    template: z.literal('engagement.event-follow-up'),
    data: z.object({ eventId: objectId, title: z.string(), url: z.url() }),
  }),
]);

export const WEBHOOK_EVENTS = [
  'article.published',
  'bulletin.published',
  'referral.updated',
] as const;

export const notificationPayload = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('email'),
    /** Identifies the notification across its batches; (notificationId, recipient.id) is delivered once. */
    notificationId: z.string().min(1).max(200),
    recipients: z.array(emailRecipient).min(1).max(1000),
    message: emailTemplates,
  }),
  z.object({
    kind: z.literal('webhook'),
    notificationId: z.string().min(1).max(200),
    event: z.enum(WEBHOOK_EVENTS),
    /** The event body partners receive (public data only). */
    payload: z.record(z.string(), z.unknown()),
  }),
]);

/**
 * The notifier's own delivery queues: one job per (notification, recipient) or
 * (notification, webhook endpoint), so each delivery retries and is rate-limited on its
 * own. The job carries only the id of the delivery-log record the notifier keeps.
 */
export const notifierDeliveryPayload = z.object({
  deliveryId: z.string().regex(/^[a-f0-9]{32}$/, 'must be a delivery id'),
});

export const QUEUE_PAYLOADS = {
  'content-publish': contentPublishPayload,
  'content-maintenance': maintenancePayload,
  'content-reports': contentReportPayload,
  'library-maintenance': maintenancePayload,
  'library-events': libraryEventPayload,
  'forum-events': forumEventPayload,
  'forum-maintenance': maintenancePayload,
  'bulletin-publish': bulletinPublishPayload,
  'bulletin-maintenance': maintenancePayload,
  'referral-dispatch': referralDispatchPayload,
  'referral-maintenance': maintenancePayload,
  'engagement-events': engagementEventPayload,
  'assistant-catalog': assistantCatalogPayload,
  'assistant-index': assistantIndexPayload,
  'assistant-maintenance': maintenancePayload,
  notifications: notificationPayload,
  'notifier-email': notifierDeliveryPayload,
  'notifier-webhook': notifierDeliveryPayload,
  'notifier-maintenance': maintenancePayload,
} as const;

export type QueueName = keyof typeof QUEUE_PAYLOADS;
export type PayloadOf<Q extends QueueName> = z.infer<(typeof QUEUE_PAYLOADS)[Q]>;
export type NotificationPayload = z.infer<typeof notificationPayload>;
export type EmailMessage = z.infer<typeof emailTemplates>;
export type ForumEvent = z.infer<typeof forumEventPayload>;
export type LibraryEvent = z.infer<typeof libraryEventPayload>;
export type EngagementEvent = z.infer<typeof engagementEventPayload>;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const QUEUE_NAMES = Object.keys(QUEUE_PAYLOADS) as QueueName[];
