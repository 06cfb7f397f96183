import { Types } from 'mongoose';
import { insertOnce } from '@portal/db';
import type { LogAction, TargetKind } from '../domain/forum-types';
import type { ForumModels } from '../models';
import { upsertProfile, type PersonFacts } from './profiles';

export interface LogEntry {
  action: LogAction;
  targetId: string;
  targetKind: TargetKind;
  /** The person who acted (their profile is recorded so the log can name them); null: automatic. */
  actor: PersonFacts | null;
  note?: string | null;
  detail?: string | null;
  at: Date;
  /** A deterministic id for automatic entries, so a repeated event logs once. */
  key?: string;
}

/** Appends to the moderation log. Returns false when an entry with the same key exists. */
export async function writeLog(models: ForumModels, entry: LogEntry): Promise<boolean> {
  if (entry.actor) await upsertProfile(models, entry.actor, entry.at);
  return insertOnce(models.moderationLog, {
    _id: entry.key ?? new Types.ObjectId().toHexString(),
    action: entry.action,
    targetId: entry.targetId,
    targetKind: entry.targetKind,
    actorId: entry.actor?.id ?? null,
    note: entry.note ?? null,
    detail: entry.detail ?? null,
    at: entry.at,
  });
}
