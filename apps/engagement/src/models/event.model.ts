import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model, type Types } from 'mongoose';
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

const EventSchema = new Schema<EventDoc>(
  {
    title: { type: String, required: true },
    description: { type: String, default: null },
    status: { type: String, required: true },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    timeZone: { type: String, required: true },
    speakers: { type: Schema.Types.Mixed, default: [] },
    agenda: { type: Schema.Types.Mixed, default: [] },
    capacity: { type: Number, required: true },
    onlineUrl: { type: String, default: null },
    venue: { type: String, default: null },
    recordingItemId: { type: String, default: null },
    sequence: { type: Number, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
  },
  { collection: 'events', versionKey: false },
);
EventSchema.index({ status: 1, startsAt: 1, _id: 1 });

export type EventModel = Model<EventDoc>;

export function eventModel(conn: Connection): EventModel {
  return modelOn<EventDoc>(conn, 'Event', EventSchema);
}
