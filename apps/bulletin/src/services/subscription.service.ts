import { randomBytes } from 'node:crypto';
import type { Viewer } from '@portal/auth';
import { isDuplicateKeyError } from '@portal/db';
import { badInput } from '@portal/errors';
import type { RateLimiter } from '@portal/http';
import type { Logger } from '@portal/logger';
import { jobId, type Outbox } from '@portal/queue';
import { requireBulletinEditor } from '../domain/issue-rules';
import { confirmUrl, unsubscribeUrl, type LinkBase } from '../domain/links';
import {
  signSubscriptionToken,
  verifySubscriptionToken,
  type SubscriptionPurpose,
} from '../domain/subscription-token';
import type { BulletinModels, SubscriberRecord } from '../models';
import { refreshSubscriberFact } from '../stats/subscriber-facts';

export interface SubscriptionServiceDeps {
  models: BulletinModels;
  outbox: Outbox;
  links: LinkBase;
  tokenSecret: string;
  confirmTtlSeconds: number;
  /** Per client (address): how many subscribe requests, to stop mail bombing. */
  clientLimiter: RateLimiter;
  /** Per address: how many confirmation mails one address can be sent. */
  addressLimiter: RateLimiter;
  logger: Logger;
  now?: () => Date;
}

const INVALID_LINK = 'is invalid or has expired';

function newNonce(): string {
  return randomBytes(12).toString('base64url');
}

/** Signs the unsubscribe link every bulletin mail carries. */
export async function unsubscribeLink(
  links: LinkBase,
  subscriberId: string,
  secret: string,
): Promise<string> {
  return unsubscribeUrl(
    links,
    await signSubscriptionToken('unsubscribe', { subscriberId, nonce: null }, secret),
  );
}

/** Double opt-in subscriptions: subscribe → confirmation mail → confirm; unsubscribe any time. */
export function createSubscriptionService(deps: SubscriptionServiceDeps) {
  const { subscribers } = deps.models;
  const now = deps.now ?? (() => new Date());
  const log = deps.logger.child({ module: 'subscriptions' });

  async function verified(purpose: SubscriptionPurpose, token: string) {
    const result = await verifySubscriptionToken(purpose, token, deps.tokenSecret);
    if (!result.ok) {
      log.info({ purpose, reason: result.reason }, 'subscription link refused');
      throw badInput('token', INVALID_LINK);
    }
    return result.claims;
  }

  async function sendConfirmation(subscriber: SubscriberRecord): Promise<void> {
    const id = subscriber._id.toHexString();
    const token = await signSubscriptionToken(
      'confirm',
      { subscriberId: id, nonce: subscriber.nonce },
      deps.tokenSecret,
      { ttlSeconds: deps.confirmTtlSeconds, now: now() },
    );
    // The nonce names this request: asking again sends a new mail, retrying sends none twice.
    const key = jobId('bulletin-confirm', id, subscriber.nonce);
    await deps.outbox.add(
      'notifications',
      {
        kind: 'email',
        notificationId: key,
        recipients: [
          {
            id,
            email: subscriber.email,
            unsubscribeUrl: await unsubscribeLink(deps.links, id, deps.tokenSecret),
          },
        ],
        message: {
          template: 'bulletin.confirm-subscription',
          data: { confirmUrl: confirmUrl(deps.links, token) },
        },
      },
      { jobId: key },
    );
  }

  /** (Re)starts a PENDING subscription with a fresh nonce; null when already confirmed. */
  async function startPending(email: string): Promise<SubscriberRecord | null> {
    const at = now();
    const existing = await subscribers.findOne({ email }).lean();
    if (existing?.status === 'CONFIRMED') return null;
    const nonce = newNonce();
    if (existing) {
      await subscribers.updateOne(
        { _id: existing._id },
        { $set: { status: 'PENDING', nonce, updatedAt: at } },
      );
      return { ...existing, status: 'PENDING', nonce };
    }
    try {
      const created = await subscribers.create({
        email,
        status: 'PENDING',
        nonce,
        createdAt: at,
        updatedAt: at,
        confirmedAt: null,
        unsubscribedAt: null,
      });
      await refreshSubscriberFact(deps.models, created._id, log);
      return created.toObject();
    } catch (err) {
      // The same address subscribing twice at once: the other request made the record.
      if (isDuplicateKeyError(err)) return startPending(email);
      throw err;
    }
  }

  return {
    /**
     * Asks for a subscription. The answer never tells whether the address is subscribed
     * already: that is the address owner's business, and only they read the mail.
     */
    async subscribe(email: string, clientKey: string): Promise<true> {
      await deps.clientLimiter.consume(clientKey);
      await deps.addressLimiter.consume(email);
      const pending = await startPending(email);
      if (pending) await sendConfirmation(pending);
      log.info(
        { subscriberId: pending?._id.toHexString() ?? null },
        pending ? 'confirmation sent' : 'already confirmed; nothing sent',
      );
      return true;
    },

    async confirm(token: string): Promise<true> {
      const claims = await verified('confirm', token);
      const subscriber = await subscribers.findById(claims.subscriberId).lean();
      if (!subscriber) throw badInput('token', INVALID_LINK);
      if (subscriber.status === 'CONFIRMED') return true;
      // Only the newest confirmation link of a pending subscription works. An address that
      // unsubscribed and now confirms again starts a new subscription: the ended one moves to
      // its past periods (the nonce guard makes the values read here the record's).
      const ended = subscriber.unsubscribedAt
        ? { confirmedAt: subscriber.confirmedAt, unsubscribedAt: subscriber.unsubscribedAt }
        : null;
      const updated = await subscribers.updateOne(
        { _id: subscriber._id, status: 'PENDING', nonce: claims.nonce },
        {
          $set: { status: 'CONFIRMED', confirmedAt: now(), unsubscribedAt: null, updatedAt: now() },
          ...(ended ? { $push: { pastPeriods: ended } } : {}),
        },
      );
      if (updated.matchedCount === 0) throw badInput('token', INVALID_LINK);
      await refreshSubscriberFact(deps.models, subscriber._id, log);
      log.info({ subscriberId: claims.subscriberId }, 'subscription confirmed');
      return true;
    },

    async unsubscribe(token: string): Promise<true> {
      const claims = await verified('unsubscribe', token);
      const subscriber = await subscribers.findById(claims.subscriberId).lean();
      if (!subscriber) throw badInput('token', INVALID_LINK);
      if (subscriber.status !== 'UNSUBSCRIBED') {
        // A new nonce also voids any confirmation link still in the mailbox. An address that
        // had unsubscribed, asked again and declines before confirming keeps its unsubscribe.
        await subscribers.updateOne(
          { _id: subscriber._id },
          {
            $set: {
              status: 'UNSUBSCRIBED',
              unsubscribedAt:
                subscriber.status === 'CONFIRMED' ? now() : (subscriber.unsubscribedAt ?? now()),
              updatedAt: now(),
              nonce: newNonce(),
            },
          },
        );
        await refreshSubscriberFact(deps.models, subscriber._id, log);
        log.info({ subscriberId: claims.subscriberId }, 'unsubscribed');
      }
      return true;
    },

    /** Subscribers by status, for editors. */
    async stats(viewer: Viewer) {
      requireBulletinEditor(viewer);
      const [pending, confirmed, unsubscribed] = await Promise.all(
        (['PENDING', 'CONFIRMED', 'UNSUBSCRIBED'] as const).map((status) =>
          subscribers.countDocuments({ status }),
        ),
      );
      return { pending: pending!, confirmed: confirmed!, unsubscribed: unsubscribed! };
    },
  };
}

export type SubscriptionService = ReturnType<typeof createSubscriptionService>;
