import { Types } from 'mongoose';
import { insertOnce } from '@portal/db';
import type { LogAction, TargetKind } from '../domain/forum-types';
import type { ForumModels } from '../models';

export interface LogEntry {
  action: LogAction;
  targetId: string;
  targetKind: TargetKind;
  actorId: string | null;
  note?: string | null;
  detail?: string | null;
  at: Date;
  /** A deterministic id for automatic entries, so a repeated event logs once. */
  key?: string;
}

/** Appends to the moderation log. Returns false when an entry with the same key exists. */
export function writeLog(models: ForumModels, entry: LogEntry): Promise<boolean> {
  return insertOnce(models.moderationLog, {
    _id: entry.key ?? new Types.ObjectId().toHexString(),
    action: entry.action,
    targetId: entry.targetId,
    targetKind: entry.targetKind,
    actorId: entry.actorId,
    note: entry.note ?? null,
    detail: entry.detail ?? null,
    at: entry.at,
  });
}
