import type { Types } from 'mongoose';
import type { Logger } from '@portal/logger';
import type { EmailMessage, PayloadOf, Processor, Producer } from '@portal/queue';
import type { EngagementModels } from '../models';
import type { EventDoc } from '../models/event.model';
import type { RegistrationDoc, RegistrationStatus } from '../models/registration.model';
import type { EventService } from '../services/event.service';

/** Recipients per `notifications` job: large events fan out in batches. */
export const RECIPIENTS_PER_JOB = 500;

type Payload = PayloadOf<'engagement-events'>;

export interface EventJobsDeps {
  models: EngagementModels;
  events: EventService;
  notifications: Pick<Producer<'notifications'>, 'enqueue'>;
  logger: Logger;
}

/**
 * Reminders and notices for an event's registrations. Each job reloads the event and does
 * nothing when it no longer applies (moved, cancelled, a newer change). Every batch has a
 * deterministic job id and the notifier delivers (notification, person) once, so a retried
 * or repeated job sends nobody a second e-mail.
 */
export function eventJobsProcessor(deps: EventJobsDeps): Processor<'engagement-events'> {
  const log = deps.logger.child({ module: 'event-jobs' });
  return async (payload) => {
    const event = await deps.models.Event.findById(payload.eventId).lean<EventDoc>();
    const stale = staleReason(event, payload);
    if (stale) {
      log.info(
        { eventId: payload.eventId, type: payload.type, stale },
        'event job no longer applies',
      );
      return { sent: 0, stale };
    }
    const plan = planFor(deps, event!, payload);
    let sent = 0;
    let batch = 0;
    let after: Types.ObjectId | null = null;
    for (;;) {
      const regs: RegistrationDoc[] = await deps.models.Registration.find({
        eventId: event!._id,
        status: { $in: plan.statuses },
        email: { $ne: null },
        ...(after ? { _id: { $gt: after } } : {}),
      })
        .sort({ _id: 1 })
        .limit(RECIPIENTS_PER_JOB)
        .lean<RegistrationDoc[]>();
      if (!regs.length) break;
      after = regs.at(-1)!._id;
      await deps.notifications.enqueue(
        {
          kind: 'email',
          notificationId: plan.notificationId,
          recipients: regs.map((r) => ({
            id: r.userId,
            email: r.email!,
            ...(r.displayName ? { name: r.displayName } : {}),
          })),
          message: plan.message,
        },
        { jobId: `${plan.notificationId}-${regs[0]!._id.toHexString()}` },
      );
      sent += regs.length;
      batch++;
    }
    log.info(
      { eventId: payload.eventId, type: payload.type, sent, batches: batch },
      'event e-mails queued',
    );
    return { sent };
  };
}

function staleReason(event: EventDoc | null, p: Payload): string | null {
  if (!event) return 'event gone';
  if (p.type === 'event.reminder') {
    if (event.status !== 'PUBLISHED') return `event ${event.status}`;
    if (event.startsAt.toISOString() !== new Date(p.startsAt).toISOString()) return 'event moved';
    return null;
  }
  if (p.notice === 'CANCELLED') return event.status === 'CANCELLED' ? null : 'event not cancelled';
  if (event.status !== 'PUBLISHED') return `event ${event.status}`;
  if (p.notice === 'UPDATED' && event.sequence !== p.sequence) return 'a newer change exists';
  if (p.notice === 'FOLLOW_UP' && !event.recordingItemId) return 'no recording';
  return null;
}

function planFor(
  deps: EventJobsDeps,
  event: EventDoc,
  p: Payload,
): { notificationId: string; statuses: RegistrationStatus[]; message: EmailMessage } {
  const data = deps.events.mailData(event);
  const id = event._id.toHexString();
  if (p.type === 'event.reminder')
    return {
      notificationId: `event-reminder-${id}-${p.kind}-${event.startsAt.getTime()}`,
      statuses: ['CONFIRMED'],
      message: { template: 'engagement.event-reminder', data: { ...data, kind: p.kind } },
    };
  switch (p.notice) {
    case 'UPDATED':
      return {
        notificationId: `event-updated-${id}-${event.sequence}`,
        statuses: ['CONFIRMED'],
        message: {
          template: 'engagement.event-registration',
          data: { ...data, status: 'UPDATED' },
        },
      };
    case 'CANCELLED':
      return {
        notificationId: `event-cancelled-${id}`,
        statuses: ['CONFIRMED', 'WAITLISTED'],
        message: {
          template: 'engagement.event-registration',
          data: { ...data, status: 'EVENT_CANCELLED' },
        },
      };
    case 'FOLLOW_UP':
      return {
        notificationId: `event-follow-up-${id}-${event.recordingItemId}`,
        statuses: ['CONFIRMED'],
        message: {
          template: 'engagement.event-follow-up',
          data: { eventId: id, title: event.title, url: data.url },
        },
      };
  }
}
