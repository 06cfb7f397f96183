import { collectionSchema, defineModel, nullable, required } from '@portal/db';
import type { Model } from 'mongoose';
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

const ModerationLogSchema = collectionSchema<ModerationLogDoc>('moderation_log', {
  _id: required(String),
  action: required(String, { enum: LOG_ACTIONS }),
  targetId: required(String),
  targetKind: required(String, { enum: ['THREAD', 'POST'] }),
  actorId: nullable(String),
  note: nullable(String),
  detail: nullable(String),
  at: required(Date),
});
ModerationLogSchema.index({ at: -1, _id: -1 });
ModerationLogSchema.index({ targetId: 1, at: -1, _id: -1 });

export type ModerationLogModel = Model<ModerationLogDoc>;

export const moderationLogModel = defineModel('ModerationLog', ModerationLogSchema);
