import { Schema } from 'mongoose';

/** Who made a change, for the staff-only `by` of history entries. */
export interface Actor {
  kind: 'CITIZEN' | 'STAFF' | 'HOTLINE' | 'SYSTEM';
  id: string | null;
  name: string;
}

export const ActorSchema = new Schema<Actor>(
  {
    kind: { type: String, required: true, enum: ['CITIZEN', 'STAFF', 'HOTLINE', 'SYSTEM'] },
    id: { type: String, default: null },
    name: { type: String, required: true },
  },
  { _id: false },
);

export const HOTLINE_ACTOR: Actor = { kind: 'HOTLINE', id: null, name: 'Tổng đài 1022' };
export const SYSTEM_ACTOR: Actor = { kind: 'SYSTEM', id: null, name: 'Hệ thống' };
