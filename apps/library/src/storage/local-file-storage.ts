import { constants, createReadStream } from 'node:fs';
import { access, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import {
  assertContentKey,
  type FileStorage,
  type StagedUpload,
  type StoredObject,
} from './file-storage';
import { StagingArea } from './staging-area';

const STAGING = '.staging';

/**
 * Files in a local directory (or a shared volume mounted there). Uploads are staged in
 * `<root>/.staging` on the same file system, so committing is an atomic rename: a
 * reader sees the whole object or none of it.
 */
export class LocalFileStorage implements FileStorage {
  private readonly staging: StagingArea;

  constructor(private readonly root: string) {
    this.staging = new StagingArea(join(root, STAGING));
  }

  stage(): Promise<StagedUpload> {
    return this.staging.stage(async (path, key) => {
      const target = this.pathOf(key);
      await mkdir(dirname(target), { recursive: true });
      await rename(path, target);
    });
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

  purgeStaging(before: Date): Promise<number> {
    return this.staging.purge(before);
  }

  async checkReady(): Promise<void> {
    await mkdir(this.root, { recursive: true });
    await access(this.root, constants.R_OK | constants.W_OK);
  }

  async close(): Promise<void> {}

  private pathOf(key: string): string {
    assertContentKey(key);
    return join(this.root, ...key.split('/'));
  }
}
