import nodemailer, { type Transporter } from 'nodemailer';
import shared from 'nodemailer/lib/shared/index.js';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { NotifierConfig } from '../config';

export type MailTransport = Transporter<SMTPTransport.SentMessageInfo>;

/**
 * A pooled SMTP transport to `SMTP_URL` (credentials and TLS options as nodemailer's URL
 * form allows), with one connection per concurrent e-mail delivery and every wait bounded.
 */
export function createMailTransport(config: NotifierConfig): MailTransport {
  const timeout = config.smtp.timeoutMs;
  return nodemailer.createTransport(
    {
      ...shared.parseConnectionUrl(config.smtp.url),
      pool: true,
      maxConnections: config.email.concurrency,
      maxMessages: 1000,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      logger: false,
    } as SMTPPool.Options,
    // Messages are built from templates only; nothing may pull in files or URLs.
    { from: config.mailFrom, disableFileAccess: true, disableUrlAccess: true },
  );
}

/**
 * A Message-ID derived from the delivery id: every copy of one delivery carries the same id,
 * so if a crash ever causes a resend, mail systems can tell it is the same message.
 */
export function messageIdFor(deliveryId: string, mailFrom: string): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  const domain = address.split('@')[1]?.trim() || 'localhost';
  return `<${deliveryId}@${domain}>`;
}
