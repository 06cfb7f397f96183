import { unitByCode } from '@portal/reference-data';
import type { PayloadOf } from '@portal/queue';
import { isClosed } from '../domain/referral-status';
import { staffReferralUrl, trackingUrl } from '../domain/links';
import {
  closedNotificationId,
  dispatchJobId,
  overdueNotificationId,
  updatedWebhookId,
} from '../jobs/job-ids';
import type { AgencyContactDoc } from '../models/agency-contact.model';
import type { EventEffect } from '../models/referral-event.model';
import type { ReferralDoc } from '../models/referral.model';

/** The jobs that follow referral events, built in one place so their ids stay deterministic. */

function effect<Q extends EventEffect['queue']>(
  queue: Q,
  jobId: string,
  payload: PayloadOf<Q>,
): EventEffect {
  return { queue, jobId, payload: payload as Record<string, unknown> };
}

export function dispatchEffect(referralId: string, round: number): EventEffect {
  return effect('referral-dispatch', dispatchJobId(referralId, round), { referralId });
}

/**
 * After a status change: the `referral.updated` webhook for partners (public fields only)
 * and, when the referral closes, one e-mail to the citizen who left a contact address.
 */
export function statusEffects(after: ReferralDoc, seq: number, webBaseUrl: string): EventEffect[] {
  const id = after._id.toHexString();
  const webhookId = updatedWebhookId(id, seq);
  const effects = [
    effect('notifications', webhookId, {
      kind: 'webhook',
      notificationId: webhookId,
      event: 'referral.updated',
      payload: {
        trackingCode: after.trackingCode,
        status: after.status,
        categoryCode: after.categoryCode,
        targetAgency: after.targetAgency,
        publicResponse: after.publicResponse,
        updatedAt: after.updatedAt.toISOString(),
        trackUrl: trackingUrl(webBaseUrl, after.trackingCode),
      },
    }),
  ];
  const email = after.contact?.email;
  if (email && isClosed(after.status)) {
    const notificationId = closedNotificationId(id);
    effects.push(
      effect('notifications', notificationId, {
        kind: 'email',
        notificationId,
        recipients: [
          {
            id: `referral-${id}`,
            email,
            ...(after.contact?.name ? { name: after.contact.name } : {}),
          },
        ],
        message: {
          template: 'referral.closed',
          data: {
            trackingCode: after.trackingCode,
            status: after.status as 'RESOLVED' | 'REJECTED',
            publicResponse: after.publicResponse,
            trackUrl: trackingUrl(webBaseUrl, after.trackingCode),
          },
        },
      }),
    );
  }
  return effects;
}

/** The reminder to the agency that a referral passed its SLA. */
export function overdueEffects(
  referral: ReferralDoc,
  contact: AgencyContactDoc | undefined,
  webBaseUrl: string,
): EventEffect[] {
  if (!contact) return [];
  const id = referral._id.toHexString();
  const notificationId = overdueNotificationId(id);
  return [
    effect('notifications', notificationId, {
      kind: 'email',
      notificationId,
      recipients: [
        {
          id: `agency-${referral.targetAgency}`,
          email: contact.email,
          ...(contact.name ? { name: contact.name } : {}),
        },
      ],
      message: {
        template: 'referral.overdue',
        data: {
          trackingCode: referral.trackingCode,
          categoryName: referral.categoryName,
          agencyName: unitByCode(referral.targetAgency)?.name ?? referral.targetAgency,
          slaDueAt: referral.slaDueAt.toISOString(),
          url: staffReferralUrl(webBaseUrl, id),
        },
      },
    }),
  ];
}
