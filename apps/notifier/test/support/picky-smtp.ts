import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server that answers like a strict relay: it refuses some mailboxes for good
 * (550), defers others a number of times (451) before taking them, and accepts the rest.
 * It keeps the accepted envelopes' recipients; tests that read content use the SmtpSink.
 */
export class PickySmtp {
  readonly accepted: string[] = [];
  readonly refused = new Set<string>();
  readonly deferrals = new Map<string, number>();
  private server: SMTPServer | undefined;
  port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const mailbox = address.address.toLowerCase();
        const fail = (code: number, message: string) =>
          callback(Object.assign(new Error(message), { responseCode: code }));
        if (this.refused.has(mailbox)) return fail(550, '5.1.1 Mailbox unavailable');
        const left = this.deferrals.get(mailbox) ?? 0;
        if (left > 0) {
          this.deferrals.set(mailbox, left - 1);
          return fail(451, '4.7.1 Greylisted, try again later');
        }
        callback();
      },
      onData: (stream, session, callback) => {
        stream.resume();
        stream.on('end', () => {
          for (const r of session.envelope.rcptTo) this.accepted.push(r.address.toLowerCase());
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  count(address: string): number {
    return this.accepted.filter((a) => a === address.toLowerCase()).length;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
