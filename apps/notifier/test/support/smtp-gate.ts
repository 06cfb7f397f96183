import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP gate between the notifier and an SMTP server, so a test can put the worker in an
 * exact state before killing it:
 * - `open`: bytes flow both ways;
 * - `down`: new connections get `421` (the relay is unavailable) and are closed;
 * - `hold-requests`: nothing more from the worker reaches the server, so no further
 *   message can be accepted while sends already under way hang;
 * - `hold-final-replies`: the server receives whole messages but the worker never hears
 *   that they were accepted (the crash window between acceptance and record).
 */
export type GateMode = 'open' | 'down' | 'hold-requests' | 'hold-final-replies';

interface Pipe {
  client: Socket;
  upstream: Socket;
  heldUp: Buffer[];
  heldDown: Buffer[];
  /** The end of a message's data went to the server and its reply has not come back. */
  awaitingReply: boolean;
  tail: string;
}

const END_OF_DATA = '\r\n.\r\n';

export class SmtpGate {
  private server: Server | undefined;
  private readonly pipes = new Set<Pipe>();
  private gateMode: GateMode = 'open';
  port = 0;
  /** Messages whose final `.` went through to the server (each one it will accept). */
  messagesForwarded = 0;

  constructor(private readonly upstreamPort: number) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  get mode(): GateMode {
    return this.gateMode;
  }

  set mode(mode: GateMode) {
    this.gateMode = mode;
    // A relay that goes down drops the connections it had, pooled ones included.
    if (mode === 'down') for (const p of this.pipes) p.client.destroy();
    for (const pipe of this.pipes) {
      if (mode !== 'hold-requests') for (const c of pipe.heldUp.splice(0)) this.forwardUp(pipe, c);
      if (mode !== 'hold-final-replies')
        for (const c of pipe.heldDown.splice(0)) this.forwardDown(pipe, c);
    }
  }

  /** Messages whose data the server has (or is receiving) but whose reply the worker lacks. */
  get awaitingReplies(): number {
    return [...this.pipes].filter((p) => p.awaitingReply).length;
  }

  /** Of those, messages the server has not answered yet (it may still be storing them). */
  get unansweredAtServer(): number {
    return [...this.pipes].filter((p) => p.awaitingReply && p.heldDown.length === 0).length;
  }

  /** Connections with worker bytes held back. */
  get heldConnections(): number {
    return [...this.pipes].filter((p) => p.heldUp.length > 0).length;
  }

  async stop(): Promise<void> {
    for (const p of this.pipes) {
      p.client.destroy();
      p.upstream.destroy();
    }
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private accept(client: Socket): void {
    if (this.gateMode === 'down') {
      client.end('421 4.3.2 Service not available, try again later\r\n');
      return;
    }
    const upstream = connect(this.upstreamPort, '127.0.0.1');
    const pipe: Pipe = {
      client,
      upstream,
      heldUp: [],
      heldDown: [],
      awaitingReply: false,
      tail: '',
    };
    this.pipes.add(pipe);
    client.on('data', (chunk: Buffer) => {
      if (this.gateMode === 'hold-requests') pipe.heldUp.push(chunk);
      else this.forwardUp(pipe, chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (this.gateMode === 'hold-final-replies' && pipe.awaitingReply) pipe.heldDown.push(chunk);
      else this.forwardDown(pipe, chunk);
    });
    // A worker that dies (or gives up on a slow reply) takes what it had not sent with it:
    // held bytes are dropped, while bytes already forwarded still reach the server, as they
    // would over a real network. A message the server is still taking counts in
    // `awaitingReplies` until the server answers or closes.
    const close = () => {
      if (!pipe.awaitingReply) this.pipes.delete(pipe);
      client.destroy();
      upstream.end();
    };
    client.on('close', close);
    client.on('error', close);
    upstream.on('close', () => {
      this.pipes.delete(pipe);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
  }

  private forwardUp(pipe: Pipe, chunk: Buffer): void {
    const text = pipe.tail + chunk.toString('latin1');
    if (text.includes(END_OF_DATA)) {
      pipe.awaitingReply = true;
      this.messagesForwarded++;
    }
    pipe.tail = text.slice(-(END_OF_DATA.length - 1));
    pipe.upstream.write(chunk);
  }

  private forwardDown(pipe: Pipe, chunk: Buffer): void {
    pipe.awaitingReply = false;
    if (pipe.client.destroyed) this.pipes.delete(pipe);
    else pipe.client.write(chunk);
  }
}
