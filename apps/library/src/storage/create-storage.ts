import type { FileStorage } from './file-storage';
import { LocalFileStorage } from './local-file-storage';
import { S3FileStorage, type S3StorageConfig } from './s3-file-storage';

export type StorageConfig =
  { driver: 'local'; filesDir: string } | ({ driver: 's3' } & S3StorageConfig);

/** The configured storage: a local directory, or an S3-compatible bucket. */
export function createStorage(config: StorageConfig): FileStorage {
  switch (config.driver) {
    case 'local':
      return new LocalFileStorage(config.filesDir);
    case 's3':
      return new S3FileStorage(config);
  }
}

/** Where files go, for the start-up log line (no credentials). */
export function describeStorage(config: StorageConfig): Record<string, string> {
  switch (config.driver) {
    case 'local':
      return { storage: 'local', filesDir: config.filesDir };
    case 's3':
      return {
        storage: 's3',
        endpoint: config.endpoint ?? `AWS S3 (${config.region})`,
        bucket: config.bucket,
        prefix: config.prefix,
        stagingDir: config.stagingDir,
      };
  }
}
