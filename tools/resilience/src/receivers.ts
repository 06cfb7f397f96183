// What the portal delivers, counted where it arrives: mail per envelope recipient and webhooks
// per event id, every delivery kept (the dev mail sink keeps only its last 2000 messages).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** An SMTP server that accepts everything and counts deliveries per recipient address. */
export class CountingMailSink {
  readonly deliveries = new Map<string, number>();
  private server: SMTPServer | undefined;
  port = 0;

  async start(port = 0): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disableReverseLookup: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        stream.on('end', () => {
          for (const rcpt of session.envelope.rcptTo)
            this.deliveries.set(rcpt.address, (this.deliveries.get(rcpt.address) ?? 0) + 1);
          callback();
        });
        stream.resume();
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** How many of `addresses` got mail, and how many got it more than once. */
  tally(addresses: string[]): { delivered: number; duplicated: number } {
    let delivered = 0;
    let duplicated = 0;
    for (const a of addresses) {
      const n = this.deliveries.get(a) ?? 0;
      if (n > 0) delivered += 1;
      if (n > 1) duplicated += 1;
    }
    return { delivered, duplicated };
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
