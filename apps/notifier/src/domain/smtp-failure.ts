import { redactAddresses } from './redact';

/** Whether retrying a failed send can help. */
export type FailureKind = 'transient' | 'permanent';

export interface ClassifiedFailure {
  kind: FailureKind;
  /** A short reason for the delivery log and logs, with e-mail addresses removed. */
  reason: string;
}

/** The fields nodemailer puts on SMTP errors. */
interface SmtpErrorLike {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  command?: unknown;
  message?: unknown;
}

/**
 * Decides whether an SMTP failure is about this message (the relay refused the recipient or
 * the content for good: a 5xx to RCPT TO or DATA) or about the relay (down, busy, a 4xx, a
 * timeout, or our own credentials or sender refused). Only the first kind fails the delivery
 * at once; the second is retried, because the next attempt may well succeed and because
 * failing every recipient over a relay misconfiguration would lose the whole batch.
 */
export function classifySmtpFailure(err: unknown): ClassifiedFailure {
  const e = (err && typeof err === 'object' ? err : {}) as SmtpErrorLike;
  const code = typeof e.code === 'string' ? e.code : '';
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const response = typeof e.response === 'string' ? e.response : '';
  const message = typeof e.message === 'string' ? e.message : String(err);
  const detail = redactAddresses(response || message)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
  const command = typeof e.command === 'string' ? e.command : '';
  const deferred = responseCode !== undefined && responseCode >= 400 && responseCode < 500;
  // RCPT TO and DATA refuse this recipient or this message; API errors are nodemailer refusing
  // an address or a message it cannot send at all. MAIL FROM refuses our sender: configuration.
  const aboutThisMessage =
    code === 'EMESSAGE' ||
    (code === 'EENVELOPE' && (command === 'RCPT TO' || command === 'DATA' || command === 'API'));
  if (aboutThisMessage && !deferred) {
    return {
      kind: 'permanent',
      reason: `${code === 'EENVELOPE' ? 'recipient' : 'message'} rejected: ${detail}`,
    };
  }
  const label = responseCode !== undefined ? `SMTP ${responseCode}` : code || 'SMTP error';
  return { kind: 'transient', reason: `${label}: ${detail}` };
}
