import { collectionSchema, defineModel, nullable, required } from '@portal/db';
import type { Model } from 'mongoose';

/** Where an agency's overdue reminders go; `_id` is the unit code. */
export interface AgencyContactDoc {
  _id: string;
  email: string;
  name: string | null;
  updatedAt: Date;
  updatedBy: string | null;
}

const AgencyContactSchema = collectionSchema<AgencyContactDoc>('agency_contacts', {
  _id: required(String),
  email: required(String),
  name: nullable(String),
  updatedAt: required(Date),
  updatedBy: nullable(String),
});

export type AgencyContactModel = Model<AgencyContactDoc>;

export const agencyContactModel = defineModel('AgencyContact', AgencyContactSchema);
