import { clientKeyOf } from '@portal/auth';
import type { Request, RequestHandler, Response } from 'express';
import { toObjectId } from '@portal/db';
import { Types } from 'mongoose';
import { pipeline } from 'node:stream/promises';
import { notFound } from '@portal/errors';
import { sendHttpError } from '@portal/http';
import { identityOf } from '@portal/service-runtime';
import type { Logger } from '@portal/logger';
import type { ItemCounters } from '../counters/item-counters';
import { clientIdentity } from '../domain/counting';
import { contentDispositionFor } from '../domain/file-names';
import { opensInline } from '../domain/file-types';
import { decideRange, etagFor, notModified } from '../domain/http-range';
import { canFetchUnpublishedFile } from '../domain/library-access';
import type { FileMetrics } from './file-metrics';
import type { LibraryModels } from '../models';
import { contentKey, type FileStorage } from '../storage/file-storage';

export interface DownloadRouteDeps {
  models: LibraryModels;
  storage: FileStorage;
  counters: ItemCounters;
  logger: Logger;
  metrics: FileMetrics;
}

/**
 * `GET`/`HEAD /files/:id`: the file's bytes with Content-Type, Content-Length, a strong
 * ETag (its SHA-256), Content-Disposition under its original name, and byte ranges
 * (206, or 416 past the end) for video seeking and resumed downloads. A file that
 * belongs to no published item is served only to editors and its uploader; to anyone
 * else it does not exist. A GET counts one download per client per item per day.
 */
export function downloadRoute(deps: DownloadRouteDeps): RequestHandler {
  return async (req, res) => {
    const logger = deps.logger.child({ module: 'downloads', requestId: res.locals.requestId });
    res.on('finish', () => {
      deps.metrics.downloads.inc({ status: String(res.statusCode) });
      if (req.method === 'GET' && (res.statusCode === 200 || res.statusCode === 206))
        deps.metrics.bytesServed.inc(Number(res.getHeader('content-length') ?? 0));
    });
    try {
      const id = String(req.params.id);
      const _id = toObjectId(id);
      if (!_id) throw notFound('File');
      const [file, items] = await Promise.all([
        deps.models.files.findById(_id).lean(),
        deps.models.items.find({ fileIds: _id, status: 'PUBLISHED' }, { _id: 1 }).lean(),
      ]);
      if (!file) throw notFound('File');
      const identity = identityOf(res);
      const isPublic = items.length > 0;
      if (!isPublic && !canFetchUnpublishedFile(identity.viewer, file)) throw notFound('File');

      const key = contentKey(file.sha256);
      const stored = await deps.storage.stat(key);
      if (!stored) throw new Error(`content of file ${id} is missing from storage (${key})`);

      const etag = etagFor(file.sha256);
      const download = req.query.download === '1' || !opensInline(file.mimeType);
      res.setHeader('etag', etag);
      res.setHeader('last-modified', file.createdAt.toUTCString());
      res.setHeader('accept-ranges', 'bytes');
      res.setHeader('cache-control', isPublic ? 'public, max-age=3600' : 'private, no-store');
      res.setHeader('x-content-type-options', 'nosniff');
      // Stored files come from contributors: a PDF's JavaScript or an SVG's script opened from
      // the API's origin must run in an opaque origin with nothing allowed (no scripts, forms,
      // plugins or same-origin access). Media and images still display.
      res.setHeader(
        'content-security-policy',
        "sandbox; default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'",
      );
      res.setHeader(
        'content-disposition',
        contentDispositionFor(file.originalName, download ? 'attachment' : 'inline'),
      );
      if (notModified(header(req, 'if-none-match'), etag)) {
        res.status(304).end();
        return;
      }
      const decision = decideRange({
        size: stored.sizeBytes,
        range: header(req, 'range'),
        ifRange: header(req, 'if-range'),
        etag,
        lastModified: file.createdAt,
      });
      if (decision.kind === 'unsatisfiable') {
        res.setHeader('content-range', `bytes */${stored.sizeBytes}`);
        res.status(416).json({
          error: { code: 'RANGE_NOT_SATISFIABLE', message: 'The range is outside the file' },
        });
        return;
      }
      res.setHeader('content-type', file.mimeType);
      let range: { start: number; end: number } | undefined;
      if (decision.kind === 'partial') {
        range = { start: decision.start, end: decision.end };
        res.status(206);
        res.setHeader('content-range', `bytes ${range.start}-${range.end}/${stored.sizeBytes}`);
        res.setHeader('content-length', String(range.end - range.start + 1));
      } else {
        res.status(200);
        res.setHeader('content-length', String(stored.sizeBytes));
      }
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      if (isPublic) countDownload(deps, clientKeyOf(identity, req.ip), items, logger);
      await send(res, deps.storage, key, range);
    } catch (err) {
      sendHttpError(res, err, logger);
    }
  };
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function send(
  res: Response,
  storage: FileStorage,
  key: string,
  range: { start: number; end: number } | undefined,
): Promise<void> {
  try {
    await pipeline(storage.read(key, range), res);
  } catch (err) {
    // A client that stops reading (seeking in a video does that all the time) is not an error.
    if ((err as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
    throw err;
  }
}

function countDownload(
  deps: DownloadRouteDeps,
  clientKey: string,
  items: readonly { _id: Types.ObjectId }[],
  logger: Logger,
): void {
  const client = clientIdentity(clientKey);
  // Counting must never fail or slow a download.
  void Promise.all(
    items.map((item) => deps.counters.recordOnce('download', item._id.toHexString(), client)),
  ).catch((err: unknown) => logger.warn({ err }, 'download not counted'));
}
