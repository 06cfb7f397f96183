import { describe, expect, it } from 'vitest';
import { parseEnv } from '@portal/config';
import { checkLibraryEnv, libraryEnvShape, storageConfig, type LibraryEnv } from './env';

const SECRET = 's'.repeat(40);
const parse = (vars: Record<string, string>) =>
  parseEnv(
    libraryEnvShape,
    { NODE_ENV: 'development', INTERNAL_TOKEN_SECRET: SECRET, ...vars },
    checkLibraryEnv,
  );
const S3 = {
  LIBRARY_STORAGE: 's3',
  S3_BUCKET: 'thu-vien-so',
  S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
  S3_SECRET_ACCESS_KEY: 'bi-mat-0123456789',
};

function config(vars: Record<string, string>) {
  const result = parse(vars);
  if (!result.ok) throw new Error(result.message);
  return storageConfig(result.env as LibraryEnv);
}

describe('library storage configuration', () => {
  it('stores files in a local directory by default', () => {
    expect(config({ DATA_DIR: '/srv/portal' })).toEqual({
      driver: 'local',
      filesDir: '/srv/portal/library-files',
    });
  });

  it('reads an S3-compatible store: endpoint, region, bucket, prefix, path style, credentials', () => {
    expect(
      config({
        ...S3,
        S3_ENDPOINT: 'https://s3.hcm.example.vn/',
        S3_REGION: 'hcm-1',
        S3_PREFIX: '/portal//library/',
        LIBRARY_FILES_DIR: '/var/tmp/library',
      }),
    ).toEqual({
      driver: 's3',
      endpoint: 'https://s3.hcm.example.vn',
      region: 'hcm-1',
      bucket: 'thu-vien-so',
      prefix: 'portal/library/',
      forcePathStyle: true,
      accessKeyId: 'AKIAEXAMPLE',
      secretAccessKey: 'bi-mat-0123456789',
      stagingDir: '/var/tmp/library/.staging',
    });
  });

  it('uses AWS S3 with virtual-hosted buckets when no endpoint is given, unless told otherwise', () => {
    expect(config(S3)).toMatchObject({
      endpoint: undefined,
      region: 'us-east-1',
      prefix: '',
      forcePathStyle: false,
    });
    expect(
      config({ ...S3, S3_ENDPOINT: 'http://minio:9000', S3_FORCE_PATH_STYLE: 'off' }),
    ).toMatchObject({ forcePathStyle: false });
  });

  it('names every missing S3 setting in one line', () => {
    const result = parse({ LIBRARY_STORAGE: 's3' });
    expect(result).toEqual({
      ok: false,
      message:
        'S3_BUCKET is required when LIBRARY_STORAGE=s3; S3_ACCESS_KEY_ID is required when LIBRARY_STORAGE=s3; S3_SECRET_ACCESS_KEY is required when LIBRARY_STORAGE=s3',
    });
  });

  it('refuses malformed S3 settings', () => {
    const result = parse({
      ...S3,
      S3_ENDPOINT: 'ftp://s3.example.vn',
      S3_BUCKET: 'Thu_Vien',
      S3_FORCE_PATH_STYLE: 'maybe',
      S3_SECRET_ACCESS_KEY: '',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('S3_ENDPOINT must be an http:// or https:// URL');
    expect(result.message).toContain('S3_BUCKET must be a bucket name');
    expect(result.message).toContain('S3_FORCE_PATH_STYLE');
    expect(result.message.split('\n')).toHaveLength(1);
    expect(parse({ LIBRARY_STORAGE: 'gcs' }).ok).toBe(false);
  });

  it('refuses a bucket configured while the local driver is in use', () => {
    expect(parse({ S3_BUCKET: 'thu-vien-so' })).toEqual({
      ok: false,
      message:
        'S3_BUCKET is set but LIBRARY_STORAGE is local: set LIBRARY_STORAGE=s3 to use the bucket',
    });
  });
});
