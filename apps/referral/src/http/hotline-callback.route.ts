import express, { type Express } from 'express';
import { insertOnce } from '@portal/db';
import { badInput, isDomainError, unauthenticated } from '@portal/errors';
import { parseInput } from '@portal/graphql-kit';
import { sendHttpError } from '@portal/http';
import type { Logger } from '@portal/logger';
import {
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyCallbackSignature,
} from '../domain/callback-signature';
import { callbackBody } from '../domain/hotline-protocol';
import type { ReferralModels } from '../models';
import type { ReferralLifecycleService } from '../services/referral-lifecycle.service';

export const CALLBACK_PATH = '/hotline/callback';

export interface HotlineCallbackOptions {
  models: ReferralModels;
  referrals: ReferralLifecycleService;
  secret: string;
  toleranceSeconds: number;
  logger: Logger;
  now: () => Date;
}

/**
 * `POST /hotline/callback`: the hotline reports progress on a ticket. The signature is
 * checked over the raw bytes, then recorded once (a replay inside the timestamp window is
 * refused like a bad signature, with 401), then the change is applied if the referral's
 * status allows it (409 otherwise). 200 answers `{ status, applied }`; a repeated report
 * of the current status is `applied: false`.
 */
export function mountHotlineCallback(app: Express, options: HotlineCallbackOptions): void {
  const log = options.logger.child({ module: 'hotline-callback' });
  app.post(
    CALLBACK_PATH,
    // Any content type: the bytes are what was signed, and are parsed only once verified.
    express.raw({ type: () => true, limit: '64kb' }),
    async (req, res) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const now = options.now();
      const check = verifyCallbackSignature({
        secret: options.secret,
        timestampHeader: req.get(TIMESTAMP_HEADER),
        signatureHeader: req.get(SIGNATURE_HEADER),
        body,
        now,
        toleranceSeconds: options.toleranceSeconds,
      });
      if (!check.ok) {
        log.warn({ reason: check.reason, ip: req.ip }, 'hotline callback refused');
        sendHttpError(res, unauthenticated('Invalid callback signature'), log);
        return;
      }
      const fresh = await insertOnce(options.models.CallbackReceipt, {
        _id: check.signature,
        referralId: null,
        receivedAt: now,
        // Past the window the timestamp check refuses it anyway, so the record can go.
        expiresAt: new Date(now.getTime() + 2 * options.toleranceSeconds * 1000),
      }).catch((err: unknown) => {
        sendHttpError(res, err, log);
        return null;
      });
      if (fresh === null) return;
      if (!fresh) {
        log.warn({ ip: req.ip }, 'hotline callback replayed');
        sendHttpError(res, unauthenticated('Callback already received (replay)'), log);
        return;
      }
      try {
        const parsed = parseInput(callbackBody, parseJson(body), '');
        const result = await options.referrals.applyCallback(parsed);
        log.info(
          {
            referralId: parsed.referralId,
            ticketId: parsed.ticketId,
            status: parsed.status,
            applied: result.applied,
          },
          'hotline callback',
        );
        res.json({ status: result.referral.status, applied: result.applied });
      } catch (err) {
        // A failure on our side: forget the receipt so the hotline may send the same request again.
        if (!isDomainError(err))
          await options.models.CallbackReceipt.deleteOne({ _id: check.signature }).catch(() => {});
        sendHttpError(res, err, log);
      }
    },
  );
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw badInput('body', 'must be JSON');
  }
}
