import { collectionSchema, defineModel, nullable, required } from '@portal/db';
import { Schema, type Model, type Types } from 'mongoose';

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

const RegistrationSchema = collectionSchema<RegistrationDoc>('registrations', {
  eventId: required(Schema.Types.ObjectId),
  userId: required(String),
  email: nullable(String),
  displayName: nullable(String),
  status: required(String),
  seat: nullable(Number),
  waitTicket: required(Schema.Types.ObjectId),
  round: required(Number),
  createdAt: required(Date),
  updatedAt: required(Date),
});
RegistrationSchema.index({ eventId: 1, userId: 1 }, { unique: true });
RegistrationSchema.index({ eventId: 1, status: 1, waitTicket: 1 });
RegistrationSchema.index({ userId: 1, status: 1 });

export type RegistrationModel = Model<RegistrationDoc>;

export const registrationModel = defineModel('Registration', RegistrationSchema);

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

const SeatSchema = collectionSchema<SeatDoc>('event_seats', {
  _id: required(String),
  eventId: required(Schema.Types.ObjectId),
  seat: required(Number),
  registrationId: required(Schema.Types.ObjectId),
});
SeatSchema.index({ eventId: 1, seat: 1 });

export type SeatModel = Model<SeatDoc>;

export const seatModel = defineModel('Seat', SeatSchema);
