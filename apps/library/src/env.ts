import { resolve } from 'node:path';
import { loadEnv, serviceEnv, positiveInt, z } from '@portal/config';

/** GraphQL's Int is 32-bit, and `MediaFile.sizeBytes` is an Int. */
const MAX_INT = 2_147_483_647;

export const env = loadEnv('library', () => ({
  ...serviceEnv('library', { workerConcurrency: 2 }),
  /** Local state of a development run; files go under it unless LIBRARY_FILES_DIR says otherwise. */
  DATA_DIR: z.string().default('.data'),
  /** Where stored files live: `local` (a directory, or a shared volume mounted there). */
  LIBRARY_STORAGE: z.enum(['local']).default('local'),
  LIBRARY_FILES_DIR: z.string().optional(),
  LIBRARY_MAX_UPLOAD_BYTES: positiveInt()
    .max(MAX_INT, 'must be at most 2147483647 (2 GiB)')
    .default(500 * 1024 * 1024),
  LIBRARY_UPLOADS_PER_HOUR: positiveInt().default(120),
  /** How long one upload may take, start to end. */
  LIBRARY_UPLOAD_TIMEOUT_SECONDS: positiveInt().default(3600),
  /** How often the worker adds pending view and download counts to the database. */
  LIBRARY_COUNTER_FLUSH_SECONDS: positiveInt().default(30),
}));

export type LibraryEnv = typeof env;

export function filesDir(e: LibraryEnv): string {
  return resolve(e.LIBRARY_FILES_DIR ?? resolve(e.DATA_DIR, 'library-files'));
}
