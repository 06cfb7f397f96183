import type { Readable, Writable } from 'node:stream';

export interface StoredObject {
  key: string;
  sizeBytes: number;
  modifiedAt: Date;
}

/** An upload being received: bytes go to `stream`, then it is committed or discarded. */
export interface StagedUpload {
  /** A local path the content can be read back from (type sniffing needs random access). */
  readonly path: string;
  readonly stream: Writable;
  /** Moves the complete content into storage under `key` (replacing identical content). */
  commit(key: string): Promise<void>;
  /** Deletes whatever was received; safe to call more than once. */
  discard(): Promise<void>;
}

/**
 * Where file content lives. Content is addressed by key (derived from its SHA-256), so
 * writing a key twice stores the same bytes and readers never see a partial object.
 * The local directory is the default; an S3-compatible store can implement the same
 * interface (see the app's README).
 */
export interface FileStorage {
  /** Starts receiving an upload into a private staging area. */
  stage(): Promise<StagedUpload>;
  stat(key: string): Promise<StoredObject | null>;
  /** The object's bytes, or the inclusive range `start`–`end`. */
  read(key: string, range?: { start: number; end: number }): Readable;
  remove(key: string): Promise<void>;
  /** Every stored object (for the orphan sweep). */
  list(): AsyncIterable<StoredObject>;
  /** Deletes staged uploads older than `before` (left by a crash mid-upload); returns how many. */
  purgeStaging(before: Date): Promise<number>;
}

/** Storage key of content: fanned out by hash prefix so no directory grows huge. */
export function contentKey(sha256: string): string {
  if (!/^[a-f0-9]{64}$/.test(sha256)) throw new Error('contentKey needs a hex SHA-256');
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}
