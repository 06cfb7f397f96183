import { Types } from 'mongoose';
import { requireRole, requireSignedIn, type Viewer } from '@portal/auth';
import { webPages } from '@portal/config';
import { findByIdString, isDuplicateKeyError, paginate } from '@portal/db';
import { conflict, forbidden, notFound } from '@portal/errors';
import { parseArgs, parseInput } from '@portal/graphql-kit';
import type { Logger } from '@portal/logger';
import type { EmailMessage, Outbox, Producer } from '@portal/queue';
import { z } from 'zod';
import { eventInput, questionText } from '../domain/event-input';
import {
  allReminderJobIds,
  canSeeEvent,
  isEventEditor,
  isEventModerator,
  reminderJobId,
  remindersFor,
} from '../domain/event-rules';
import { objectIdString, versionArg } from '../domain/input-text';
import type { EngagementModels } from '../models';
import type { EventQuestionDoc } from '../models/event-question.model';
import type { EventDoc } from '../models/event.model';
import type { RegistrationDoc } from '../models/registration.model';
import { touchProfile } from './profiles';
import type { Limiter } from './survey.service';
import { EngagementService } from './engagement.service';

export interface EventServiceOptions {
  models: EngagementModels;
  outbox: Outbox;
  /** For withdrawing reminders of a moved or cancelled event. */
  events: Pick<Producer<'engagement-events'>, 'remove'>;
  webBaseUrl: string;
  /** Questions per person, against flooding a live session. */
  questionLimit: Limiter;
  logger: Logger;
  now: () => Date;
}

const listArgs = z.object({
  upcoming: z.boolean().nullish(),
  first: z.number().nullish(),
  after: z.string().nullish(),
});

type RegistrationMail = Extract<EmailMessage, { template: 'engagement.event-registration' }>;

/**
 * Webinars and livestreamed events: editors publish them; people register (confirmed while
 * seats last, then waitlisted), cancel, ask and vote on questions. Seats are unique
 * documents, so capacity holds under any number of concurrent registrations.
 */
export class EventService extends EngagementService<EventDoc, EventServiceOptions> {
  constructor(o: EventServiceOptions) {
    super(o, 'events', { model: o.models.Event, what: 'Event', canSee: canSeeEvent });
  }

  async list(viewer: Viewer, args: unknown) {
    const { upcoming, first, after } = parseArgs(listArgs, args);
    const future = upcoming ?? true;
    const now = this.now;
    return paginate(this.o.models.Event, {
      filter: {
        status: { $in: isEventEditor(viewer) ? ['DRAFT', 'PUBLISHED'] : ['PUBLISHED'] },
        ...(future ? { endsAt: { $gt: now } } : { endsAt: { $lte: now } }),
      },
      sort: future
        ? [
            ['startsAt', 1],
            ['_id', 1],
          ]
        : [
            ['startsAt', -1],
            ['_id', -1],
          ],
      first,
      after,
    });
  }

  async create(viewer: Viewer, rawInput: unknown): Promise<EventDoc> {
    requireRole(viewer, 'editor');
    const input = parseInput(eventInput, rawInput);
    const now = this.now;
    const doc = await this.o.models.Event.create({
      ...input,
      status: 'DRAFT',
      recordingItemId: null,
      sequence: 0,
      createdBy: viewer.id,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    return doc.toObject();
  }

  /**
   * Changes an event. When a published event moves, its reminders are rescheduled and the
   * registered people get the updated invitation (a higher iCalendar SEQUENCE).
   */
  async update(viewer: Viewer, id: string, rawInput: unknown, expectedVersion: unknown) {
    requireRole(viewer, 'editor');
    const event = await this.require(viewer, id);
    const input = parseInput(eventInput, rawInput);
    const version = parseInput(versionArg, expectedVersion, 'expectedVersion');
    if (event.status === 'CANCELLED') throw conflict('The event is cancelled');
    const moved =
      input.startsAt.getTime() !== event.startsAt.getTime() ||
      input.endsAt.getTime() !== event.endsAt.getTime() ||
      input.onlineUrl !== event.onlineUrl ||
      input.venue !== event.venue;
    const updated = await this.o.models.Event.findOneAndUpdate(
      { _id: event._id, version },
      {
        $set: {
          ...input,
          sequence: moved ? event.sequence + 1 : event.sequence,
          updatedAt: this.now,
          version: version + 1,
        },
      },
      { new: true },
    ).lean<EventDoc>();
    if (!updated) throw conflict('The event was changed by someone else; reload it');
    if (updated.status === 'PUBLISHED') {
      if (input.startsAt.getTime() !== event.startsAt.getTime()) {
        await this.withdrawReminders(event);
        await this.scheduleReminders(updated);
      }
      if (moved) await this.notice(updated, 'UPDATED');
      if (updated.capacity > event.capacity) await this.promoteWaitlist(updated);
    }
    return updated;
  }

  async publish(viewer: Viewer, id: string): Promise<EventDoc> {
    requireRole(viewer, 'editor');
    const event = await this.require(viewer, id);
    if (event.status === 'CANCELLED') throw conflict('The event is cancelled');
    if (event.status === 'PUBLISHED') return event;
    if (event.endsAt <= this.now) throw conflict('The event is over');
    const published = await this.o.models.Event.findOneAndUpdate(
      { _id: event._id, status: 'DRAFT' },
      { $set: { status: 'PUBLISHED', updatedAt: this.now }, $inc: { version: 1 } },
      { new: true },
    ).lean<EventDoc>();
    if (published) await this.scheduleReminders(published);
    return published ?? this.require(viewer, id);
  }

  async cancel(viewer: Viewer, id: string): Promise<EventDoc> {
    requireRole(viewer, 'editor');
    const event = await this.require(viewer, id);
    if (event.status === 'CANCELLED') return event;
    const cancelled = await this.o.models.Event.findOneAndUpdate(
      { _id: event._id, status: { $ne: 'CANCELLED' } },
      { $set: { status: 'CANCELLED', updatedAt: this.now }, $inc: { version: 1, sequence: 1 } },
      { new: true },
    ).lean<EventDoc>();
    if (!cancelled) return this.require(viewer, id);
    await this.withdrawReminders(event);
    if (event.status === 'PUBLISHED') await this.notice(cancelled, 'CANCELLED');
    this.log.info({ eventId: id }, 'event cancelled');
    return cancelled;
  }

  /**
   * Registers the viewer. Registering twice (or twice at once) leaves one registration and
   * sends one e-mail; a registration cancelled earlier comes back on the waitlist first.
   */
  async register(viewer: Viewer, eventId: string): Promise<RegistrationDoc> {
    requireSignedIn(viewer);
    if (viewer.apiClient || viewer.service) throw forbidden('Only people register');
    const event = await this.require(viewer, eventId);
    if (event.status !== 'PUBLISHED') throw conflict('Registration is not open for this event');
    if (event.endsAt <= this.now) throw conflict('The event is over');
    const { Registration } = this.o.models;
    const now = this.now;
    await touchProfile(this.o.models.Profile, viewer, now);
    let registration: RegistrationDoc | null;
    try {
      registration = (
        await Registration.create({
          eventId: event._id,
          userId: viewer.id,
          email: viewer.email,
          displayName: viewer.displayName,
          status: 'WAITLISTED',
          seat: null,
          waitTicket: new Types.ObjectId(),
          round: 1,
          createdAt: now,
          updatedAt: now,
        })
      ).toObject();
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const existing = await Registration.findOne({
        eventId: event._id,
        userId: viewer.id,
      }).lean<RegistrationDoc>();
      if (!existing || existing.status !== 'CANCELLED') return existing!;
      // Registering again after cancelling: only the request that flips it back goes on.
      registration = await Registration.findOneAndUpdate(
        { _id: existing._id, status: 'CANCELLED', round: existing.round },
        {
          $set: {
            status: 'WAITLISTED',
            waitTicket: new Types.ObjectId(),
            updatedAt: now,
            email: viewer.email,
          },
          $inc: { round: 1 },
        },
        { new: true },
      ).lean<RegistrationDoc>();
      if (!registration)
        return (await Registration.findById(existing._id).lean<RegistrationDoc>())!;
    }
    const seated = await this.claimSeat(event, registration);
    const final = seated ?? registration;
    await this.mailRegistration(event, final);
    return final;
  }

  async cancelRegistration(viewer: Viewer, eventId: string): Promise<RegistrationDoc> {
    requireSignedIn(viewer);
    const event = await this.require(viewer, eventId);
    const { Registration, Seat } = this.o.models;
    const registration = await Registration.findOne({
      eventId: event._id,
      userId: viewer.id,
    }).lean<RegistrationDoc>();
    if (!registration) throw notFound('Registration');
    if (registration.status === 'CANCELLED') return registration;
    const cancelled = await Registration.findOneAndUpdate(
      { _id: registration._id, status: registration.status, round: registration.round },
      { $set: { status: 'CANCELLED', seat: null, updatedAt: this.now } },
      { new: true },
    ).lean<RegistrationDoc>();
    if (!cancelled) return (await Registration.findById(registration._id).lean<RegistrationDoc>())!;
    if (registration.seat !== null) {
      await Seat.deleteOne({
        _id: seatId(event._id, registration.seat),
        registrationId: registration._id,
      });
      if (event.status === 'PUBLISHED') await this.promoteWaitlist(event);
    }
    return cancelled;
  }

  /** Gives free seats to the waitlist, first come first served. */
  async promoteWaitlist(event: EventDoc): Promise<number> {
    const { Registration } = this.o.models;
    let promoted = 0;
    for (;;) {
      const next = await Registration.find({ eventId: event._id, status: 'WAITLISTED' })
        .sort({ waitTicket: 1 })
        .limit(20)
        .lean<RegistrationDoc[]>();
      if (!next.length) return promoted;
      for (const r of next) {
        const seated = await this.claimSeat(event, r);
        if (!seated) return promoted;
        promoted++;
        await this.mailRegistration(event, seated);
      }
    }
  }

  /**
   * Claims a free seat for a waitlisted registration: an insert under the seat's unique id,
   * so concurrent claims of one seat leave one winner, and the losers try the next seat.
   * Returns the confirmed registration, or null when the event is full.
   */
  private async claimSeat(
    event: EventDoc,
    registration: RegistrationDoc,
  ): Promise<RegistrationDoc | null> {
    const { Seat, Registration } = this.o.models;
    for (let tries = 0; tries < 5; tries++) {
      const taken = new Set(
        (await Seat.find({ eventId: event._id }, { seat: 1 }).lean()).map((s) => s.seat),
      );
      const free: number[] = [];
      for (let n = 1; n <= event.capacity && free.length < 10; n++) if (!taken.has(n)) free.push(n);
      if (!free.length) return null;
      for (const seat of free) {
        try {
          await Seat.create({
            _id: seatId(event._id, seat),
            eventId: event._id,
            seat,
            registrationId: registration._id,
          });
        } catch (err) {
          if (isDuplicateKeyError(err)) continue;
          throw err;
        }
        const confirmed = await Registration.findOneAndUpdate(
          { _id: registration._id, status: 'WAITLISTED', round: registration.round },
          { $set: { status: 'CONFIRMED', seat, updatedAt: this.now } },
          { new: true },
        ).lean<RegistrationDoc>();
        if (confirmed) return confirmed;
        // Cancelled (or confirmed elsewhere) meanwhile: give the seat back.
        await Seat.deleteOne({ _id: seatId(event._id, seat), registrationId: registration._id });
        return null;
      }
    }
    return null;
  }

  async waitlistPosition(registration: RegistrationDoc): Promise<number | null> {
    if (registration.status !== 'WAITLISTED') return null;
    const ahead = await this.o.models.Registration.countDocuments({
      eventId: registration.eventId,
      status: 'WAITLISTED',
      waitTicket: { $lt: registration.waitTicket },
    });
    return ahead + 1;
  }

  async myRegistration(viewer: Viewer, event: EventDoc): Promise<RegistrationDoc | null> {
    if (!viewer.id) return null;
    return this.o.models.Registration.findOne({
      eventId: event._id,
      userId: viewer.id,
    }).lean<RegistrationDoc>();
  }

  async myRegistrations(viewer: Viewer): Promise<RegistrationDoc[]> {
    requireSignedIn(viewer);
    const regs = await this.o.models.Registration.find({
      userId: viewer.id,
      status: { $in: ['CONFIRMED', 'WAITLISTED'] },
    })
      .limit(200)
      .lean<RegistrationDoc[]>();
    const events = await this.o.models.Event.find(
      { _id: { $in: regs.map((r) => r.eventId) } },
      { startsAt: 1 },
    ).lean();
    const start = new Map(events.map((e) => [e._id.toHexString(), e.startsAt.getTime()]));
    return regs.sort(
      (a, b) =>
        (start.get(a.eventId.toHexString()) ?? 0) - (start.get(b.eventId.toHexString()) ?? 0),
    );
  }

  counts(event: EventDoc, status: 'CONFIRMED' | 'WAITLISTED'): Promise<number> {
    return this.o.models.Registration.countDocuments({ eventId: event._id, status }).exec();
  }

  async ask(viewer: Viewer, eventId: string, rawText: unknown): Promise<EventQuestionDoc> {
    requireSignedIn(viewer);
    const event = await this.require(viewer, eventId);
    const text = parseInput(questionText, rawText, 'text');
    if (event.status !== 'PUBLISHED') throw conflict('Questions are closed for this event');
    if (event.endsAt <= this.now) throw conflict('The event is over');
    await this.o.questionLimit.consume(viewer.id);
    return (
      await this.o.models.EventQuestion.create({
        eventId: event._id,
        authorId: viewer.id,
        authorName: viewer.displayName,
        text,
        answeredAt: null,
        createdAt: this.now,
      })
    ).toObject();
  }

  private async requireQuestion(viewer: Viewer, id: string) {
    const question = await findByIdString(this.o.models.EventQuestion, id);
    const event = question ? await this.get(viewer, question.eventId.toHexString()) : null;
    if (!question || !event) throw notFound('Question');
    return { question, event };
  }

  /** One vote per person and question: a unique document, so repeats change nothing. */
  async vote(viewer: Viewer, questionId: string): Promise<EventQuestionDoc> {
    requireSignedIn(viewer);
    const { question, event } = await this.requireQuestion(viewer, questionId);
    if (event.status !== 'PUBLISHED') throw conflict('Questions are closed for this event');
    try {
      await this.o.models.QuestionVote.create({
        questionId: question._id,
        eventId: event._id,
        userId: viewer.id,
        createdAt: this.now,
      });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    return question;
  }

  async markAnswered(viewer: Viewer, questionId: string): Promise<EventQuestionDoc> {
    requireSignedIn(viewer);
    if (!isEventModerator(viewer)) throw forbidden('Requires role moderator or editor');
    const { question } = await this.requireQuestion(viewer, questionId);
    if (question.answeredAt) return question;
    return (await this.o.models.EventQuestion.findOneAndUpdate(
      { _id: question._id },
      { $set: { answeredAt: this.now } },
      { new: true },
    ).lean<EventQuestionDoc>())!;
  }

  async questions(event: EventDoc): Promise<EventQuestionDoc[]> {
    return this.o.models.EventQuestion.find({ eventId: event._id })
      .sort({ createdAt: 1 })
      .limit(500)
      .lean<EventQuestionDoc[]>();
  }

  async attachRecording(viewer: Viewer, eventId: string, rawItemId: unknown): Promise<EventDoc> {
    requireRole(viewer, 'editor');
    const event = await this.require(viewer, eventId);
    const itemId = parseInput(objectIdString, rawItemId, 'libraryItemId');
    if (event.status !== 'PUBLISHED') throw conflict('Only a published event gets a recording');
    const updated = (await this.o.models.Event.findOneAndUpdate(
      { _id: event._id },
      { $set: { recordingItemId: itemId, updatedAt: this.now }, $inc: { version: 1 } },
      { new: true },
    ).lean<EventDoc>())!;
    if (event.recordingItemId !== itemId) await this.notice(updated, 'FOLLOW_UP');
    return updated;
  }

  eventUrl(event: EventDoc): string {
    return webPages(this.o.webBaseUrl).event(event._id.toHexString());
  }

  /** The data every e-mail about this event shows. */
  mailData(event: EventDoc) {
    return {
      eventId: event._id.toHexString(),
      title: event.title,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      timeZone: event.timeZone,
      onlineUrl: event.onlineUrl,
      venue: event.venue,
      url: this.eventUrl(event),
      sequence: event.sequence,
    };
  }

  private async mailRegistration(event: EventDoc, r: RegistrationDoc): Promise<void> {
    if (!r.email) return;
    const status = r.status === 'CONFIRMED' ? 'CONFIRMED' : 'WAITLISTED';
    const notificationId = `event-registration-${r._id.toHexString()}-${r.round}-${status}`;
    const message: RegistrationMail = {
      template: 'engagement.event-registration',
      data: { ...this.mailData(event), status },
    };
    await this.o.outbox.add(
      'notifications',
      {
        kind: 'email',
        notificationId,
        recipients: [
          { id: r.userId, email: r.email, ...(r.displayName ? { name: r.displayName } : {}) },
        ],
        message,
      },
      { jobId: notificationId },
    );
  }

  private async scheduleReminders(event: EventDoc): Promise<void> {
    const eventId = event._id.toHexString();
    for (const { kind, at } of remindersFor(event.startsAt, this.now)) {
      await this.o.outbox.add(
        'engagement-events',
        { type: 'event.reminder', eventId, kind, startsAt: event.startsAt.toISOString() },
        {
          jobId: reminderJobId(eventId, kind, event.startsAt),
          delayMs: at.getTime() - this.now.getTime(),
        },
      );
    }
  }

  /** Removes the reminders queued for the event's (old) start time; stale ones that slip through do nothing. */
  private async withdrawReminders(event: EventDoc): Promise<void> {
    for (const jobId of allReminderJobIds(event._id.toHexString(), event.startsAt)) {
      try {
        await this.o.events.remove(jobId);
      } catch (err) {
        this.log.warn({ err: (err as Error).message, jobId }, 'could not withdraw a reminder now');
      }
    }
  }

  private async notice(
    event: EventDoc,
    notice: 'UPDATED' | 'CANCELLED' | 'FOLLOW_UP',
  ): Promise<void> {
    const eventId = event._id.toHexString();
    await this.o.outbox.add(
      'engagement-events',
      { type: 'event.notice', eventId, notice, sequence: event.sequence },
      {
        jobId: `notice-${eventId}-${notice}-${event.sequence}${notice === 'FOLLOW_UP' ? `-${event.recordingItemId}` : ''}`,
      },
    );
  }
}

export function seatId(eventId: Types.ObjectId, seat: number): string {
  return `${eventId.toHexString()}:${seat}`;
}
