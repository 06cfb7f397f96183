// What the portal delivers, counted where it arrives: mail per envelope recipient and webhooks
// per event id, every delivery kept (the dev mail sink keeps only its last 2000 messages).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * An SMTP server that accepts everything and counts, per recipient address, the messages it
 * got (by Message-ID) and the copies of each: a copy of a message already received is the
 * same message sent again (RFC 5322 §3.6.4), which mail clients show once.
 */
export class CountingMailSink {
  /** Recipient address → Message-ID → copies received. */
  readonly deliveries = new Map<string, Map<string, number>>();
  private server: SMTPServer | undefined;
  port = 0;

  async start(port = 0): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disableReverseLookup: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        let head = '';
        stream.on('data', (chunk: Buffer) => {
          if (!head.includes('\r\n\r\n') && head.length < 64_000) head += chunk.toString('latin1');
        });
        stream.on('end', () => {
          const messageId = /^message-id:\s*(\S+)/im.exec(head)?.[1] ?? `none-${Math.random()}`;
          for (const rcpt of session.envelope.rcptTo) {
            const got = this.deliveries.get(rcpt.address) ?? new Map<string, number>();
            got.set(messageId, (got.get(messageId) ?? 0) + 1);
            this.deliveries.set(rcpt.address, got);
          }
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    // A sender killed mid-conversation resets its connection: that is the fault under test,
    // not an error of the sink.
    this.server.on('error', () => {});
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /**
   * How many of `addresses` got mail; how many got more than one message (a duplicate the
   * reader sees); how many copies of a message they already had arrived again.
   */
  tally(addresses: string[]): { delivered: number; duplicated: number; resent: number } {
    let delivered = 0;
    let duplicated = 0;
    let resent = 0;
    for (const a of addresses) {
      const got = this.deliveries.get(a);
      if (!got || got.size === 0) continue;
      delivered += 1;
      if (got.size > 1) duplicated += 1;
      for (const copies of got.values()) resent += copies - 1;
    }
    return { delivered, duplicated, resent };
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}

/** An HTTP endpoint partners would run: answers 200 and counts deliveries per event id. */
export class CountingWebhookReceiver {
  readonly deliveries = new Map<string, number>();
  private server: Server | undefined;
  port = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const id = String(req.headers['x-portal-event-id'] ?? 'none');
        this.deliveries.set(id, (this.deliveries.get(id) ?? 0) + 1);
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/portal`;
  }

  tally(ids: string[]): { delivered: number; duplicated: number } {
    let delivered = 0;
    let duplicated = 0;
    for (const id of ids) {
      const n = this.deliveries.get(id) ?? 0;
      if (n > 0) delivered += 1;
      if (n > 1) duplicated += 1;
    }
    return { delivered, duplicated };
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
