import { collectionSchema, defineModel, nullable, required } from '@portal/db';
import { Schema, type Model, type Types } from 'mongoose';
import type { EventStatus } from '../domain/event-rules';

export interface EventDoc {
  _id: Types.ObjectId;
  title: string;
  description: string | null;
  status: EventStatus;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  speakers: { name: string; title: string | null; organization: string | null }[];
  agenda: { startsAt: Date; title: string; speaker: string | null }[];
  capacity: number;
  onlineUrl: string | null;
  venue: string | null;
  /** The library item holding the recording and slides. */
  recordingItemId: string | null;
  /** iCalendar SEQUENCE: grows when the time changes or the event is cancelled. */
  sequence: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

const EventSchema = collectionSchema<EventDoc>('events', {
  title: required(String),
  description: nullable(String),
  status: required(String),
  startsAt: required(Date),
  endsAt: required(Date),
  timeZone: required(String),
  speakers: { type: Schema.Types.Mixed, default: [] },
  agenda: { type: Schema.Types.Mixed, default: [] },
  capacity: required(Number),
  onlineUrl: nullable(String),
  venue: nullable(String),
  recordingItemId: nullable(String),
  sequence: required(Number),
  createdBy: required(String),
  createdAt: required(Date),
  updatedAt: required(Date),
  version: required(Number),
});
EventSchema.index({ status: 1, startsAt: 1, _id: 1 });

export type EventModel = Model<EventDoc>;

export const eventModel = defineModel('Event', EventSchema);
