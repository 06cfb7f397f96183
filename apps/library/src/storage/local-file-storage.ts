import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import type { FileStorage, StagedUpload, StoredObject } from './file-storage';

const STAGING = '.staging';

/**
 * Files in a local directory (or a shared volume mounted there). Uploads are staged in
 * `<root>/.staging` on the same file system, so committing is an atomic rename: a
 * reader sees the whole object or none of it.
 */
export class LocalFileStorage implements FileStorage {
  private readonly stagingDir: string;

  constructor(private readonly root: string) {
    this.stagingDir = join(root, STAGING);
  }

  async stage(): Promise<StagedUpload> {
    await mkdir(this.stagingDir, { recursive: true });
    const path = join(this.stagingDir, `${Date.now()}-${randomBytes(8).toString('hex')}.part`);
    // `flush` fsyncs before close: a committed object survives a power cut.
    const stream = createWriteStream(path, { flags: 'wx', flush: true });
    let settled = false;
    return {
      path,
      stream,
      commit: async (key) => {
        const target = this.pathOf(key);
        await mkdir(dirname(target), { recursive: true });
        await rename(path, target);
        settled = true;
      },
      discard: async () => {
        if (settled) return;
        settled = true;
        if (!stream.destroyed) stream.destroy();
        await rm(path, { force: true });
      },
    };
  }

  async stat(key: string): Promise<StoredObject | null> {
    try {
      const s = await stat(this.pathOf(key));
      return { key, sizeBytes: s.size, modifiedAt: s.mtime };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  read(key: string, range?: { start: number; end: number }): Readable {
    return createReadStream(this.pathOf(key), range ? { start: range.start, end: range.end } : {});
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async *list(): AsyncIterable<StoredObject> {
    for (const entry of await readdir(this.root, { recursive: true, withFileTypes: true }).catch(
      () => [],
    )) {
      if (!entry.isFile()) continue;
      const full = join(entry.parentPath, entry.name);
      const key = relative(this.root, full).split(sep).join('/');
      if (key.startsWith(`${STAGING}/`)) continue;
      const s = await stat(full).catch(() => null);
      if (s) yield { key, sizeBytes: s.size, modifiedAt: s.mtime };
    }
  }

  async purgeStaging(before: Date): Promise<number> {
    let removed = 0;
    const names = await readdir(this.stagingDir).catch(() => [] as string[]);
    for (const name of names) {
      const full = join(this.stagingDir, name);
      const s = await stat(full).catch(() => null);
      if (s && s.mtime < before) {
        await rm(full, { force: true });
        removed++;
      }
    }
    return removed;
  }

  private pathOf(key: string): string {
    if (!/^[a-f0-9]{2}\/[a-f0-9]{2}\/[a-f0-9]{64}$/.test(key))
      throw new Error(`bad storage key ${key}`);
    return join(this.root, ...key.split('/'));
  }
}
