import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import { insertOnce } from '@portal/db';
import type { Logger } from '@portal/logger';
import { cleanFileName } from '../domain/file-names';
import { ALLOWED_TYPES_TEXT, allowedType, mayStillBeAllowed } from '../domain/file-types';
import type { LibraryModels, MediaFileDoc, PersonRef } from '../models';
import { contentKey, type FileStorage } from '../storage/file-storage';

/** Bytes the early sniff looks at (what file-type needs for nearly every format). */
const SNIFF_BYTES = 4100;

/** Why an upload was refused, with the HTTP status and the code in the JSON body. */
export class UploadRefused extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: 'BAD_USER_INPUT' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE',
    message: string,
  ) {
    super(message);
    this.name = 'UploadRefused';
  }
}

export function tooLarge(maxBytes: number): UploadRefused {
  return new UploadRefused(
    413,
    'PAYLOAD_TOO_LARGE',
    `The file is larger than the ${formatBytes(maxBytes)} limit`,
  );
}

function notAllowed(what: string | undefined): UploadRefused {
  return new UploadRefused(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    `${what ? `This file is ${what}, which` : 'This file type'} is not accepted. Accepted: ${ALLOWED_TYPES_TEXT}`,
  );
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`;
  return `${n} bytes`;
}

export interface IngestDeps {
  models: LibraryModels;
  storage: FileStorage;
  logger: Logger;
}

export interface IngestInput {
  source: Readable;
  originalName: string | null | undefined;
  uploadedBy: PersonRef;
  maxBytes: number;
}

export interface IngestResult {
  file: MediaFileDoc;
  /** The same content was already stored; no second copy was written. */
  deduplicated: boolean;
  /** The uploader had already uploaded the same content (all a client is told). */
  alreadyYours: boolean;
}

/**
 * Receives one file: streams it to a staging area while hashing it and counting its
 * size (nothing is buffered beyond the first few kilobytes), refuses it as soon as it
 * is too large or plainly of a refused type, decides its type from the content, and
 * stores identical content once. On any refusal or failure the staged bytes are deleted.
 */
export async function ingestFile(deps: IngestDeps, input: IngestInput): Promise<IngestResult> {
  const staged = await deps.storage.stage();
  try {
    const hash = createHash('sha256');
    let size = 0;
    const head: Buffer[] = [];
    let headBytes = 0;
    let sniffed = false;
    const sniff = async () => {
      sniffed = true;
      const early = await fileTypeFromBuffer(Buffer.concat(head));
      head.length = 0;
      if (!mayStillBeAllowed(early)) throw notAllowed(early?.mime);
    };
    const inspect = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > input.maxBytes) return done(tooLarge(input.maxBytes));
        hash.update(chunk);
        if (sniffed) return done(null, chunk);
        head.push(chunk);
        headBytes += chunk.length;
        if (headBytes < SNIFF_BYTES) return done(null, chunk);
        sniff().then(
          () => done(null, chunk),
          (err: unknown) => done(err as Error),
        );
      },
      flush(done) {
        if (sniffed || size === 0) return done();
        sniff().then(
          () => done(),
          (err: unknown) => done(err as Error),
        );
      },
    });
    await pipeline(input.source, inspect, staged.stream);
    if (size === 0) throw new UploadRefused(400, 'BAD_USER_INPUT', 'The file is empty');

    // The whole file decides: ZIP-based formats (docx, epub…) are told apart by entries
    // that can sit anywhere in the archive.
    const detected = await fileTypeFromFile(staged.path);
    const type = allowedType(detected);
    if (!type) throw notAllowed(detected?.mime);

    const sha256 = hash.digest('hex');
    const key = contentKey(sha256);
    const blob = await deps.models.blobs.findById(sha256).lean();
    const present = blob ? await deps.storage.stat(key) : null;
    if (present) {
      await staged.discard();
    } else {
      // Object first, record second: a crash in between leaves an object the sweep removes,
      // never a record pointing at nothing.
      await staged.commit(key);
      await insertOnce(deps.models.blobs, {
        _id: sha256,
        storageKey: key,
        sizeBytes: size,
        mimeType: type.mime,
        createdAt: new Date(),
      });
    }
    // Whether identical content is already stored is said only about the uploader's own files:
    // across uploaders it would tell a contributor what others hold.
    const ownCopy = await deps.models.files.exists({
      sha256,
      'uploadedBy.id': input.uploadedBy.id,
    });
    const created = await deps.models.files.create({
      sha256,
      sizeBytes: size,
      mimeType: type.mime,
      ext: type.ext,
      originalName: cleanFileName(input.originalName, type.ext),
      uploadedBy: input.uploadedBy,
      createdAt: new Date(),
    });
    deps.logger.info(
      { fileId: created.id, sha256, sizeBytes: size, mimeType: type.mime, deduplicated: !!present },
      'file stored',
    );
    return { file: created.toObject(), deduplicated: !!present, alreadyYours: ownCopy !== null };
  } catch (err) {
    await staged.discard();
    throw err;
  }
}
