import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { PassThrough, pipeline, type Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import {
  assertContentKey,
  type FileStorage,
  type StagedUpload,
  type StoredObject,
} from './file-storage';
import { StagingArea } from './staging-area';

export interface S3StorageConfig {
  /** `https://s3.example.vn` for MinIO, Ceph RGW or a cloud provider; unset for AWS S3. */
  endpoint?: string;
  region: string;
  bucket: string;
  /** Put before every key (`library/`), so one bucket can serve several deployments; may be empty. */
  prefix: string;
  /** `https://endpoint/bucket/key` instead of `https://bucket.endpoint/key`. */
  forcePathStyle: boolean;
  accessKeyId: string;
  secretAccessKey: string;
  /** Local folder where uploads are received before they are sent to the bucket. */
  stagingDir: string;
}

export interface S3StorageTuning {
  /** Multipart part size (S3's minimum is 5 MiB, except for the last part). */
  partSize?: number;
  /** Parts sent at once by one commit; memory per commit is about partSize × queueSize. */
  queueSize?: number;
  /** Keys per listing page (S3's maximum is 1000). */
  listPageSize?: number;
}

/** Metadata calls (stat, delete, list pages) that take longer than this fail instead of hanging. */
const CALL_TIMEOUT_MS = 30_000;
/** The readiness probe must answer within /readyz's own 2 s budget. */
const READY_TIMEOUT_MS = 2_000;

/**
 * Objects in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, the Vietnamese clouds'
 * object storage). Uploads are staged on local disk first (type sniffing reads the file
 * back at random), then committed by a streamed multipart upload: S3 makes an object
 * visible only once it is complete, so readers see the whole object or none, and a failed
 * upload is aborted so no parts linger. Reads are `GetObject` with a `Range` header, so a
 * video seek fetches only what the player asked for.
 */
export class S3FileStorage implements FileStorage {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;
  private readonly staging: StagingArea;
  private readonly partSize: number;
  private readonly queueSize: number;
  private readonly listPageSize: number;

  constructor(config: S3StorageConfig, tuning: S3StorageTuning = {}) {
    this.bucket = config.bucket;
    this.prefix = config.prefix;
    this.staging = new StagingArea(config.stagingDir);
    this.partSize = tuning.partSize ?? 8 * 1024 * 1024;
    this.queueSize = tuning.queueSize ?? 2;
    this.listPageSize = tuning.listPageSize ?? 1000;
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: {
        accessKeyId: config.accessKeyId,
        secretAccessKey: config.secretAccessKey,
      },
      // The SDK's default CRC checksums and aws-chunked uploads are not understood by many
      // S3-compatible stores; checksums only where the API requires them.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      // No socket timeout: a video player that pauses stops reading, and the object
      // stream must wait for it. Calls that should be quick get their own deadline.
      requestHandler: {
        connectionTimeout: 10_000,
        httpAgent: { keepAlive: true, maxSockets: 256 },
        httpsAgent: { keepAlive: true, maxSockets: 256 },
      },
    });
  }

  stage(): Promise<StagedUpload> {
    return this.staging.stage(async (path, key) => {
      const upload = new Upload({
        client: this.client,
        params: {
          Bucket: this.bucket,
          Key: this.objectKey(key),
          Body: createReadStream(path),
          ContentType: 'application/octet-stream',
        },
        partSize: this.partSize,
        queueSize: this.queueSize,
        // A failed multipart upload is aborted, so no invisible parts are left billed.
        leavePartsOnError: false,
      });
      await upload.done();
      // The object is stored: a staged copy that cannot be deleted now is only litter,
      // which purgeStaging removes by age, not a reason to fail the upload.
      await rm(path, { force: true }).catch(() => {});
    });
  }

  async stat(key: string): Promise<StoredObject | null> {
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }),
        { abortSignal: AbortSignal.timeout(CALL_TIMEOUT_MS) },
      );
      return {
        key,
        sizeBytes: head.ContentLength ?? 0,
        modifiedAt: head.LastModified ?? new Date(0),
      };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  read(key: string, range?: { start: number; end: number }): Readable {
    const out = new PassThrough();
    const abort = new AbortController();
    // A client that goes away (a player seeking elsewhere) ends the request to the store too.
    out.once('close', () => abort.abort());
    this.client
      .send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: this.objectKey(key),
          Range: range ? `bytes=${range.start}-${range.end}` : undefined,
        }),
        { abortSignal: abort.signal },
      )
      .then(
        (res) => pipeline(res.Body as Readable, out, () => {}),
        (err: unknown) => out.destroy(isNoSuchKey(err) ? missing(key) : (err as Error)),
      );
    return out;
  }

  async remove(key: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }),
      { abortSignal: AbortSignal.timeout(CALL_TIMEOUT_MS) },
    );
  }

  async *list(): AsyncIterable<StoredObject> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: this.prefix || undefined,
          ContinuationToken: token,
          MaxKeys: this.listPageSize,
        }),
        { abortSignal: AbortSignal.timeout(CALL_TIMEOUT_MS) },
      );
      for (const object of page.Contents ?? []) {
        if (!object.Key?.startsWith(this.prefix)) continue;
        yield {
          key: object.Key.slice(this.prefix.length),
          sizeBytes: object.Size ?? 0,
          modifiedAt: object.LastModified ?? new Date(0),
        };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /**
   * Staged files older than `before`, and multipart uploads under the prefix started
   * before it: a process that died mid-commit leaves parts the store keeps (and bills)
   * until they are aborted.
   */
  async purgeStaging(before: Date): Promise<number> {
    let removed = await this.staging.purge(before);
    for (const upload of await this.staleMultipartUploads(before)) {
      await this.client.send(
        new AbortMultipartUploadCommand({
          Bucket: this.bucket,
          Key: upload.key,
          UploadId: upload.uploadId,
        }),
        { abortSignal: AbortSignal.timeout(CALL_TIMEOUT_MS) },
      );
      removed++;
    }
    return removed;
  }

  async checkReady(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }), {
        abortSignal: AbortSignal.timeout(READY_TIMEOUT_MS),
      });
    } catch (err) {
      const status = (err as S3ServiceException).$metadata?.httpStatusCode;
      const why = status ? `HTTP ${status}` : (err as Error).message;
      throw new Error(`bucket ${this.bucket} is not reachable (${why})`);
    }
  }

  async close(): Promise<void> {
    this.client.destroy();
  }

  private async staleMultipartUploads(before: Date): Promise<{ key: string; uploadId: string }[]> {
    const stale: { key: string; uploadId: string }[] = [];
    let keyMarker: string | undefined;
    let uploadIdMarker: string | undefined;
    for (;;) {
      let page;
      try {
        page = await this.client.send(
          new ListMultipartUploadsCommand({
            Bucket: this.bucket,
            Prefix: this.prefix || undefined,
            KeyMarker: keyMarker,
            UploadIdMarker: uploadIdMarker,
          }),
          { abortSignal: AbortSignal.timeout(CALL_TIMEOUT_MS) },
        );
      } catch (err) {
        // Some stores (gofakes3 among them) answer NoSuchUpload when there is none.
        if (err instanceof S3ServiceException && err.name === 'NoSuchUpload') return stale;
        throw err;
      }
      for (const upload of page.Uploads ?? []) {
        if (upload.Key && upload.UploadId && upload.Initiated && upload.Initiated < before)
          stale.push({ key: upload.Key, uploadId: upload.UploadId });
      }
      if (!page.IsTruncated) return stale;
      keyMarker = page.NextKeyMarker;
      uploadIdMarker = page.NextUploadIdMarker;
    }
  }

  private objectKey(key: string): string {
    assertContentKey(key);
    return this.prefix + key;
  }
}

/** A HEAD answer has no body to name the error: 404 is all there is. */
function isNotFound(err: unknown): boolean {
  return err instanceof S3ServiceException && err.$metadata.httpStatusCode === 404;
}

function isNoSuchKey(err: unknown): boolean {
  return err instanceof S3ServiceException && err.name === 'NoSuchKey';
}

/** The same error a missing local file gives, so callers handle both drivers alike. */
function missing(key: string): NodeJS.ErrnoException {
  const err: NodeJS.ErrnoException = new Error(`no object ${key} in storage`);
  err.code = 'ENOENT';
  return err;
}
