import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model, type Types } from 'mongoose';

export type RegistrationStatus = 'CONFIRMED' | 'WAITLISTED' | 'CANCELLED';

/** One person's registration for one event (unique), re-used when they register again. */
export interface RegistrationDoc {
  _id: Types.ObjectId;
  eventId: Types.ObjectId;
  userId: string;
  email: string | null;
  displayName: string | null;
  status: RegistrationStatus;
  /** The seat claimed while CONFIRMED. */
  seat: number | null;
  /** Waitlist order: a fresh ObjectId each time the person joins the waitlist (increasing). */
  waitTicket: Types.ObjectId;
  /** Grows each time the person registers again after cancelling (keeps e-mail ids apart). */
  round: number;
  createdAt: Date;
  updatedAt: Date;
}

const RegistrationSchema = new Schema<RegistrationDoc>(
  {
    eventId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: String, required: true },
    email: { type: String, default: null },
    displayName: { type: String, default: null },
    status: { type: String, required: true },
    seat: { type: Number, default: null },
    waitTicket: { type: Schema.Types.ObjectId, required: true },
    round: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'registrations', versionKey: false },
);
RegistrationSchema.index({ eventId: 1, userId: 1 }, { unique: true });
RegistrationSchema.index({ eventId: 1, status: 1, waitTicket: 1 });
RegistrationSchema.index({ userId: 1, status: 1 });

export type RegistrationModel = Model<RegistrationDoc>;

export function registrationModel(conn: Connection): RegistrationModel {
  return modelOn<RegistrationDoc>(conn, 'Registration', RegistrationSchema);
}

/**
 * A claimed seat: `_id` is `<eventId>:<seat number>`, so two registrations can never hold one
 * seat, and the seats of an event never exceed its capacity (FerretDB-safe: a unique insert).
 */
export interface SeatDoc {
  _id: string;
  eventId: Types.ObjectId;
  seat: number;
  registrationId: Types.ObjectId;
}

const SeatSchema = new Schema<SeatDoc>(
  {
    _id: { type: String, required: true },
    eventId: { type: Schema.Types.ObjectId, required: true },
    seat: { type: Number, required: true },
    registrationId: { type: Schema.Types.ObjectId, required: true },
  },
  { collection: 'event_seats', versionKey: false },
);
SeatSchema.index({ eventId: 1, seat: 1 });

export type SeatModel = Model<SeatDoc>;

export function seatModel(conn: Connection): SeatModel {
  return modelOn<SeatDoc>(conn, 'Seat', SeatSchema);
}
