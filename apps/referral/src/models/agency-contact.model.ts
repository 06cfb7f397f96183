import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model } from 'mongoose';

/** Where an agency's overdue reminders go; `_id` is the unit code. */
export interface AgencyContactDoc {
  _id: string;
  email: string;
  name: string | null;
  updatedAt: Date;
  updatedBy: string | null;
}

const AgencyContactSchema = new Schema<AgencyContactDoc>(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true },
    name: { type: String, default: null },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, default: null },
  },
  { collection: 'agency_contacts', versionKey: false },
);

export type AgencyContactModel = Model<AgencyContactDoc>;

export function agencyContactModel(conn: Connection): AgencyContactModel {
  return modelOn<AgencyContactDoc>(conn, 'AgencyContact', AgencyContactSchema);
}
