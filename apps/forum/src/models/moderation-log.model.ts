import { modelOn } from '@portal/db';
import { Schema, type Connection, type Model } from 'mongoose';
import { LOG_ACTIONS, type LogAction, type TargetKind } from '../domain/forum-types';

/** Who did what to which content, when and why. Never updated or deleted. */
export interface ModerationLogDoc {
  /** Deterministic for automatic and job-driven entries, so a repeat writes nothing. */
  _id: string;
  action: LogAction;
  targetId: string;
  targetKind: TargetKind;
  actorId: string | null;
  note: string | null;
  /** Extra facts of the action (department assigned, tracking code). */
  detail: string | null;
  at: Date;
}

const ModerationLogSchema = new Schema<ModerationLogDoc>(
  {
    _id: { type: String, required: true },
    action: { type: String, enum: LOG_ACTIONS, required: true },
    targetId: { type: String, required: true },
    targetKind: { type: String, enum: ['THREAD', 'POST'], required: true },
    actorId: { type: String, default: null },
    note: { type: String, default: null },
    detail: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { collection: 'moderation_log', versionKey: false },
);
ModerationLogSchema.index({ at: -1, _id: -1 });
ModerationLogSchema.index({ targetId: 1, at: -1, _id: -1 });

export type ModerationLogModel = Model<ModerationLogDoc>;

export function moderationLogModel(conn: Connection): ModerationLogModel {
  return modelOn<ModerationLogDoc>(conn, 'ModerationLog', ModerationLogSchema);
}
