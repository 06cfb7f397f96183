import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message the sink received, as a test or a developer reads it back. */
export interface SinkMessage {
  id: number;
  receivedAt: string;
  envelopeFrom: string;
  envelopeTo: string[];
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** Attached files (e.g. an event's .ics), their content as UTF-8 text. */
  attachments: { filename: string; contentType: string; content: string }[];
}

const MAX_KEPT = 2000;

/**
 * A local SMTP server that accepts every message and keeps it in memory, with an
 * HTTP API (`GET /messages`, `DELETE /messages`) to read mail back in development and tests.
 */
export class SmtpSink {
  private readonly messages: SinkMessage[] = [];
  private nextId = 1;
  private smtp: SMTPServer | undefined;
  private http: HttpServer | undefined;
  private waiters: (() => void)[] = [];
  smtpPort = 0;
  httpPort = 0;

  async start(
    options: { smtpPort?: number; httpPort?: number; host?: string } = {},
  ): Promise<this> {
    const host = options.host ?? '127.0.0.1';
    this.smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      size: 25 * 1024 * 1024,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.store({
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              from: mail.from?.text ?? '',
              to: (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) =>
                a.value.map((v) => v.address ?? ''),
              ),
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              headers: Object.fromEntries(
                [...mail.headerLines].map((h) => [h.key, h.line.slice(h.key.length + 1).trim()]),
              ),
              attachments: mail.attachments.map((a) => ({
                filename: a.filename ?? '',
                contentType: a.contentType,
                content: a.content.toString('utf8'),
              })),
            });
            callback();
          })
          .catch((err: Error) => callback(err));
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.smtp!.once('error', reject);
      this.smtp!.listen(options.smtpPort ?? 0, host, () => resolve());
    });
    this.smtpPort = (this.smtp.server.address() as AddressInfo).port;
    if (options.httpPort !== undefined) {
      this.http = createHttpServer((req, res) => {
        if (req.url === '/messages' && req.method === 'GET') {
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify(this.messages));
        } else if (req.url === '/messages' && req.method === 'DELETE') {
          this.clear();
          res.writeHead(204).end();
        } else if (req.url === '/' && req.method === 'GET') {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(this.indexPage());
        } else {
          res.writeHead(404).end();
        }
      });
      await new Promise<void>((resolve) =>
        this.http!.listen(options.httpPort, host, () => resolve()),
      );
      this.httpPort = (this.http.address() as AddressInfo).port;
    }
    return this;
  }

  get smtpUrl(): string {
    return `smtp://127.0.0.1:${this.smtpPort}`;
  }

  all(): SinkMessage[] {
    return [...this.messages];
  }

  to(address: string): SinkMessage[] {
    return this.messages.filter((m) => m.envelopeTo.includes(address));
  }

  clear(): void {
    this.messages.length = 0;
  }

  /** Resolves once at least `count` messages match `filter`, or rejects after `timeoutMs`. */
  async waitFor(
    count: number,
    filter: (m: SinkMessage) => boolean = () => true,
    timeoutMs = 20_000,
  ): Promise<SinkMessage[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.filter(filter);
      if (found.length >= count) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} messages, got ${found.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 500));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.smtp ? this.smtp.close(() => resolve()) : resolve(),
    );
    await new Promise<void>((resolve) =>
      this.http ? this.http.close(() => resolve()) : resolve(),
    );
  }

  private store(message: Omit<SinkMessage, 'id' | 'receivedAt'>): void {
    this.messages.push({ id: this.nextId++, receivedAt: new Date().toISOString(), ...message });
    if (this.messages.length > MAX_KEPT) this.messages.shift();
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private indexPage(): string {
    const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    const rows = [...this.messages]
      .reverse()
      .map(
        (m) =>
          `<tr><td>${esc(m.receivedAt)}</td><td>${esc(m.to.join(', '))}</td><td>${esc(m.subject)}</td></tr>`,
      )
      .join('');
    return `<!doctype html><meta charset="utf-8"><title>Mail sink</title><h1>Mail sink (${this.messages.length})</h1><p>JSON: <a href="/messages">/messages</a></p><table border="1" cellpadding="4"><tr><th>Received</th><th>To</th><th>Subject</th></tr>${rows}</table>`;
  }
}
