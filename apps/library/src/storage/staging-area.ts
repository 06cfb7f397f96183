import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { StagedUpload } from './file-storage';

/**
 * A private folder on local disk where uploads are received before they are committed:
 * each upload is one `.part` file, deleted on commit or discard, and swept by age when a
 * crash left it behind.
 */
export class StagingArea {
  constructor(readonly dir: string) {}

  /**
   * A new upload received here; its `commit(key)` runs `moveIn(path, key)`, which puts the
   * staged file into storage. Once committed, `discard` leaves it alone; before, it stops the
   * stream and deletes the file.
   */
  async stage(moveIn: (path: string, key: string) => Promise<void>): Promise<StagedUpload> {
    const { path, stream } = await this.create();
    let settled = false;
    return {
      path,
      stream,
      commit: async (key) => {
        await moveIn(path, key);
        settled = true;
      },
      discard: async () => {
        if (settled) return;
        settled = true;
        await this.discard(path, stream);
      },
    };
  }

  async create(): Promise<{ path: string; stream: WriteStream }> {
    await mkdir(this.dir, { recursive: true });
    const path = join(this.dir, `${Date.now()}-${randomBytes(8).toString('hex')}.part`);
    // `flush` fsyncs before close: what is committed from here survives a power cut.
    const stream = createWriteStream(path, { flags: 'wx', flush: true });
    return { path, stream };
  }

  /**
   * Stops writing `stream` and deletes its file. Waits for the stream to close first: a write
   * stream destroyed before its file was opened still opens (creates) it, which would leave
   * the file behind an earlier delete.
   */
  async discard(path: string, stream: WriteStream): Promise<void> {
    // Its error, if any, was the upload's to handle; here only its end matters.
    stream.on('error', () => {});
    const closed = stream.closed
      ? null
      : new Promise<void>((resolve) => stream.once('close', () => resolve()));
    if (!stream.destroyed) stream.destroy();
    await closed;
    await rm(path, { force: true });
  }

  /** Deletes staged files older than `before`; returns how many. */
  async purge(before: Date): Promise<number> {
    let removed = 0;
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const name of names) {
      const full = join(this.dir, name);
      const s = await stat(full).catch(() => null);
      if (s && s.mtime < before) {
        await rm(full, { force: true });
        removed++;
      }
    }
    return removed;
  }
}
