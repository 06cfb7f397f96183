import type { Express } from 'express';
import { notFound } from '@portal/errors';
import { sendHttpError } from '@portal/http';
import type { Logger } from '@portal/logger';

// `/audio/<issueId>.mp3`, or without the extension.
const AUDIO_PATH = /^([a-f0-9]{24})(\.mp3)?$/;

/**
 * `GET /audio/:issueId.mp3`: the read-aloud audio, with byte ranges (players seek with
 * them), validators and caching handled by Express's file sender. The gateway forwards
 * `/audio/*` here.
 */
export function mountAudioRoutes(
  app: Express,
  options: { audioDir: string; logger: Logger },
): void {
  app.get('/audio/:file', (req, res) => {
    const match = AUDIO_PATH.exec(String(req.params.file));
    if (!match) {
      sendHttpError(res, notFound('Audio'), options.logger);
      return;
    }
    const file = `${match[1]}.mp3`;
    res.sendFile(
      file,
      {
        root: options.audioDir,
        dotfiles: 'deny',
        acceptRanges: true,
        // A rendered file never changes; a day keeps CDNs and players from asking again.
        maxAge: 24 * 3600 * 1000,
        headers: { 'content-type': 'audio/mpeg' },
      },
      (err?: Error & { status?: number; code?: string }) => {
        if (!err || res.headersSent) return;
        if (err.status === 404 || err.code === 'ENOENT')
          sendHttpError(res, notFound('Audio'), options.logger);
        // Unsatisfiable range (416, with Content-Range already set), failed precondition (412).
        else if (err.status && err.status >= 400 && err.status < 500) res.status(err.status).end();
        else sendHttpError(res, err, options.logger);
      },
    );
  });
}
