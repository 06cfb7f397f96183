import busboy from 'busboy';
import type { Request, RequestHandler, Response } from 'express';
import { sendHttpError, type createRateLimiter } from '@portal/http';
import { identityOf } from '@portal/service-runtime';
import { isDomainError } from '@portal/errors';
import type { Logger } from '@portal/logger';
import { requireContributor } from '../domain/library-access';
import type { LibraryModels, PersonRef } from '../models';
import type { FileStorage } from '../storage/file-storage';
import type { FileMetrics } from './file-metrics';
import { presentFile } from './file-url';
import { ingestFile, tooLarge, UploadRefused, type IngestResult } from './ingest-file';

/** Room for multipart boundaries and part headers on top of the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;
/** After refusing an upload, read at most this much more of it before cutting the connection. */
const DRAIN_LIMIT = 8 * 1024 * 1024;

export interface UploadRouteDeps {
  models: LibraryModels;
  storage: FileStorage;
  logger: Logger;
  publicBaseUrl: string;
  maxUploadBytes: number;
  limiter: ReturnType<typeof createRateLimiter>;
  metrics: FileMetrics;
}

/**
 * `POST /uploads` (multipart/form-data, one file in the field `file`), for contributors
 * and editors. Answers 201 with the stored file, or a JSON error: 401/403 without rights,
 * 413 too large, 415 type not accepted, 429 too many uploads.
 */
export function uploadRoute(deps: UploadRouteDeps): RequestHandler {
  return async (req, res) => {
    const logger = deps.logger.child({ module: 'uploads', requestId: res.locals.requestId });
    try {
      const { viewer } = identityOf(res);
      requireContributor(viewer);
      await deps.limiter.consume(viewer.id);
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > deps.maxUploadBytes + MULTIPART_OVERHEAD)
        throw tooLarge(deps.maxUploadBytes);
      const result = await receive(req, deps, logger, {
        id: viewer.id,
        displayName: viewer.displayName ?? viewer.id,
      });
      deps.metrics.uploads.inc({ outcome: result.deduplicated ? 'deduplicated' : 'stored' });
      const body = presentFile(result.file, deps.publicBaseUrl);
      // `deduplicated` speaks of the uploader's own files only, never of other people's.
      res.status(201).location(body.url).json({ file: body, deduplicated: result.alreadyYours });
    } catch (err) {
      deps.metrics.uploads.inc({ outcome: outcomeOf(err) });
      refuse(req, res, err, logger);
    }
  };
}

function receive(
  req: Request,
  deps: UploadRouteDeps,
  logger: Logger,
  uploader: PersonRef,
): Promise<IngestResult> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // Browsers send file names as raw UTF-8 (Vietnamese names must survive).
        defParamCharset: 'utf8',
        limits: {
          files: 1,
          fields: 10,
          parts: 11,
          fieldSize: 4096,
          headerPairs: 50,
          // One byte over the limit is enough to know the file is too large.
          fileSize: deps.maxUploadBytes + 1,
        },
      });
    } catch {
      reject(
        new UploadRefused(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'Send the file as multipart/form-data in a field named "file"',
        ),
      );
      return;
    }
    let ingestion: Promise<IngestResult> | null = null;
    let settled = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      parser.destroy();
      reject(err);
    };
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || ingestion) {
        stream.resume();
        return;
      }
      ingestion = ingestFile(
        { models: deps.models, storage: deps.storage, logger },
        {
          source: stream,
          originalName: info.filename,
          uploadedBy: uploader,
          maxBytes: deps.maxUploadBytes,
        },
      );
      ingestion.catch(fail);
    });
    parser.on('error', fail);
    parser.on('close', () => {
      if (!ingestion) {
        fail(
          new UploadRefused(
            400,
            'BAD_USER_INPUT',
            'Send the file in a multipart field named "file"',
          ),
        );
        return;
      }
      ingestion.then((result) => {
        if (settled) return;
        settled = true;
        resolve(result);
      }, fail);
    });
    // A client that goes away mid-upload: stop, and let the staged bytes be deleted.
    req.on('close', () => {
      if (!req.complete) parser.destroy(new Error('client closed the connection during upload'));
    });
    req.pipe(parser);
  });
}

function outcomeOf(err: unknown): string {
  if (err instanceof UploadRefused) return err.code;
  if (isDomainError(err)) return err.code;
  return 'failed';
}

function refuse(req: Request, res: Response, err: unknown, logger: Logger): void {
  if (!req.complete) drainThenCut(req);
  if (err instanceof UploadRefused) {
    logger.info({ status: err.status, reason: err.message }, 'upload refused');
    if (!res.headersSent)
      res.status(err.status).json({ error: { code: err.code, message: err.message } });
    return;
  }
  sendHttpError(res, err, logger);
}

/**
 * Reads and discards the rest of a refused upload so the client gets to read the answer
 * (cutting the connection mid-body makes many clients report a reset instead), up to a
 * limit past which the connection is closed.
 */
function drainThenCut(req: Request): void {
  let drained = 0;
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_LIMIT) req.socket.destroy();
  });
  req.resume();
}
