import { hasRole, type Viewer } from '@portal/auth';

export type EventStatus = 'DRAFT' | 'PUBLISHED' | 'CANCELLED';
export type ReminderKind = 'DAY_BEFORE' | 'HOUR_BEFORE';

const BEFORE_MS: Record<ReminderKind, number> = {
  DAY_BEFORE: 24 * 3600_000,
  HOUR_BEFORE: 3600_000,
};

export function isEventEditor(viewer: Viewer): boolean {
  return hasRole(viewer, 'editor');
}

/** Moderators (and editors) mark questions answered during the event. */
export function isEventModerator(viewer: Viewer): boolean {
  return hasRole(viewer, 'moderator', 'editor');
}

export function canSeeEvent(viewer: Viewer, event: { status: EventStatus }): boolean {
  return event.status !== 'DRAFT' || isEventEditor(viewer);
}

/** The reminders still ahead of `now` for an event starting at `startsAt`. */
export function remindersFor(startsAt: Date, now: Date): { kind: ReminderKind; at: Date }[] {
  return (Object.keys(BEFORE_MS) as ReminderKind[])
    .map((kind) => ({ kind, at: new Date(startsAt.getTime() - BEFORE_MS[kind]) }))
    .filter((r) => r.at > now);
}

/** Deterministic: one reminder job per (event, kind, start time); a moved event gets new ids. */
export function reminderJobId(eventId: string, kind: ReminderKind, startsAt: Date): string {
  return `reminder-${eventId}-${kind}-${startsAt.getTime()}`;
}

/** Every reminder id an event may have had for `startsAt`, to withdraw them. */
export function allReminderJobIds(eventId: string, startsAt: Date): string[] {
  return (Object.keys(BEFORE_MS) as ReminderKind[]).map((k) => reminderJobId(eventId, k, startsAt));
}
