import type { EmailMessage, Processor } from '@portal/queue';
import type { NotifierContext } from '../context';
import { messageIdFor } from '../delivery/mailer';
import { runDelivery, type AttemptResult } from '../delivery/run-delivery';
import { classifySmtpFailure } from '../domain/smtp-failure';
import type { DeliveryDoc } from '../models/delivery.model';
import { TemplateError } from '../templates/html';
import { renderEmail } from '../templates/render-email';

/** Sends one e-mail delivery: one recipient of one notification. */
export function emailDeliveryProcessor(ctx: NotifierContext): Processor<'notifier-email'> {
  return (payload, job) =>
    runDelivery(ctx, 'email', payload.deliveryId, job, (delivery) => sendEmail(ctx, delivery));
}

async function sendEmail(ctx: NotifierContext, delivery: DeliveryDoc): Promise<AttemptResult> {
  const stored = await ctx.messages.get(delivery.messageKey);
  if (!stored) return { kind: 'failed', permanent: true, reason: 'stored message not found' };
  if (!delivery.email) return { kind: 'failed', permanent: true, reason: 'no address' };
  let mail;
  try {
    mail = renderEmail(
      JSON.parse(stored.content) as EmailMessage,
      {
        name: delivery.name ?? undefined,
        unsubscribeUrl: delivery.unsubscribeUrl ?? undefined,
      },
      ctx.config.webBaseUrl,
    );
  } catch (err) {
    if (err instanceof TemplateError)
      return { kind: 'failed', permanent: true, reason: `cannot render: ${err.message}` };
    throw err;
  }
  const unsubscribe = delivery.unsubscribeUrl;
  try {
    const info = await ctx.mailer.sendMail({
      to: delivery.name ? { name: delivery.name, address: delivery.email } : delivery.email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments,
      messageId: messageIdFor(delivery._id, ctx.config.mailFrom),
      headers: {
        'Auto-Submitted': 'auto-generated',
        // RFC 8058 one-click unsubscribe: the subscription owner's link must accept a POST.
        ...(unsubscribe ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
      },
      ...(unsubscribe ? { list: { unsubscribe: unsubscribe } } : {}),
    });
    return { kind: 'sent', response: String(info.response ?? 'accepted') };
  } catch (err) {
    const failure = classifySmtpFailure(err);
    return { kind: 'failed', permanent: failure.kind === 'permanent', reason: failure.reason };
  }
}
