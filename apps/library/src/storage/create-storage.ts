import type { FileStorage } from './file-storage';
import { LocalFileStorage } from './local-file-storage';

/** The configured storage; `local` is the one driver so far (see the README for S3). */
export function createStorage(config: { driver: 'local'; filesDir: string }): FileStorage {
  switch (config.driver) {
    case 'local':
      return new LocalFileStorage(config.filesDir);
  }
}
