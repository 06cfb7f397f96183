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
 * Two drivers implement it: a local directory (the default) and an S3-compatible
 * object store (`LIBRARY_STORAGE=s3`).
 */
export interface FileStorage {
  /** Starts receiving an upload into a private staging area on local disk. */
  stage(): Promise<StagedUpload>;
  stat(key: string): Promise<StoredObject | null>;
  /**
   * The object's bytes, or the inclusive range `start`–`end`. A missing object makes the
   * stream fail with an error whose `code` is `ENOENT`.
   */
  read(key: string, range?: { start: number; end: number }): Readable;
  /** Deletes the object; deleting a missing one is not an error. */
  remove(key: string): Promise<void>;
  /** Every stored object (for the orphan sweep). */
  list(): AsyncIterable<StoredObject>;
  /**
   * Deletes staged uploads older than `before` (left by a crash mid-upload), and whatever
   * else the store keeps of uploads that never finished; returns how many.
   */
  purgeStaging(before: Date): Promise<number>;
  /** Throws when the storage cannot be used (for `/readyz`). */
  checkReady(): Promise<void>;
  /** Releases connections; the storage is not used afterwards. */
  close(): Promise<void>;
}

const CONTENT_KEY = /^[a-f0-9]{2}\/[a-f0-9]{2}\/[a-f0-9]{64}$/;

/** Storage key of content: fanned out by hash prefix so no directory grows huge. */
export function contentKey(sha256: string): string {
  if (!/^[a-f0-9]{64}$/.test(sha256)) throw new Error('contentKey needs a hex SHA-256');
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** True for keys `contentKey` makes: drivers refuse others, the sweep leaves others alone. */
export function isContentKey(key: string): boolean {
  return CONTENT_KEY.test(key);
}

export function assertContentKey(key: string): void {
  if (!isContentKey(key)) throw new Error(`bad storage key ${key}`);
}
