import type { Logger } from '@portal/logger';
import { signedHeaders } from './signature';
import type { Ticket, TicketStatus } from './ticket-store';

/** How a ticket moves on its own: the delay before each callback, and how it ends. */
export interface LifecycleSettings {
  ackDelayMs: number;
  progressDelayMs: number;
  closeDelayMs: number;
  outcome: 'RESOLVED' | 'REJECTED' | 'NONE';
}

export interface CallbackContent {
  status: Exclude<TicketStatus, 'ACCEPTED'>;
  note?: string | null;
  publicResponse?: string | null;
}

type SendResult = 'delivered' | 'refused' | 'gave-up';

/**
 * Calls the portal back, signed, for each step of a ticket's life, in order: a step is
 * sent only after the previous one was delivered (retried with backoff) or refused.
 */
export class CallbackSender {
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;
  /** Bumped by reset(): sends of an older generation stop retrying. */
  private generation = 0;

  constructor(
    private readonly options: {
      url: string;
      secret: string;
      attempts: number;
      retryMs: number;
      logger: Logger;
    },
  ) {}

  startLifecycle(ticket: Ticket, settings: LifecycleSettings): void {
    const steps: (CallbackContent & { delayMs: number })[] = [
      {
        status: 'ACKNOWLEDGED',
        delayMs: settings.ackDelayMs,
        note: `Tổng đài 1022 đã tiếp nhận, phiếu số ${ticket.ticketId}.`,
      },
      {
        status: 'IN_PROGRESS',
        delayMs: settings.progressDelayMs,
        note: `Đã chuyển đến đơn vị ${ticket.targetAgency} xử lý.`,
      },
    ];
    if (settings.outcome === 'RESOLVED')
      steps.push({
        status: 'RESOLVED',
        delayMs: settings.closeDelayMs,
        publicResponse: `Đơn vị ${ticket.targetAgency} đã xử lý phản ánh của Quý vị. Cảm ơn Quý vị đã phản ánh.`,
      });
    if (settings.outcome === 'REJECTED')
      steps.push({
        status: 'REJECTED',
        delayMs: settings.closeDelayMs,
        publicResponse: 'Nội dung phản ánh không thuộc thẩm quyền giải quyết của Thành phố.',
      });
    // A reset forgets this ticket: a step whose callback was in flight then is not followed.
    const generation = this.generation;
    const run = (i: number) => {
      const step = steps[i];
      if (!step || generation !== this.generation) return;
      this.later(step.delayMs, async () => {
        const result = await this.send(ticket, step);
        if (result === 'delivered') run(i + 1);
      });
    };
    run(0);
  }

  /** Sends one callback now, retrying transient failures; `refused` is a 4xx answer. */
  async send(ticket: Ticket, content: CallbackContent): Promise<SendResult> {
    const body = JSON.stringify({
      referralId: ticket.externalId,
      ticketId: ticket.ticketId,
      status: content.status,
      note: content.note ?? null,
      publicResponse: content.publicResponse ?? null,
      occurredAt: new Date().toISOString(),
    });
    const log = this.options.logger.child({ ticketId: ticket.ticketId, status: content.status });
    const generation = this.generation;
    const current = () => !this.closed && generation === this.generation;
    for (let attempt = 1; attempt <= this.options.attempts && current(); attempt++) {
      let httpStatus: number | null = null;
      try {
        // Signed afresh on every attempt: a new timestamp, so never a replay.
        const res = await fetch(this.options.url, {
          method: 'POST',
          headers: signedHeaders(this.options.secret, body),
          body,
          signal: AbortSignal.timeout(10_000),
        });
        httpStatus = res.status;
        await res.body?.cancel();
      } catch (err) {
        log.warn({ attempt, err: (err as Error).message }, 'callback not delivered');
      }
      ticket.callbacks.push({ status: content.status, at: new Date(), httpStatus });
      if (httpStatus !== null && httpStatus < 300) {
        ticket.status = content.status;
        log.info('callback delivered');
        return 'delivered';
      }
      if (httpStatus !== null && httpStatus < 500 && httpStatus !== 408 && httpStatus !== 429) {
        log.warn({ httpStatus }, 'callback refused by the portal');
        return 'refused';
      }
      if (attempt < this.options.attempts)
        await new Promise((resolve) =>
          setTimeout(resolve, this.options.retryMs * 2 ** (attempt - 1)).unref(),
        );
    }
    log.error('callback given up');
    return 'gave-up';
  }

  /** Stops every pending step. */
  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  /** Forgets every pending step and stops retries in progress (the control API's reset). */
  reset(): void {
    this.generation++;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private later(ms: number, fn: () => Promise<void>): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn().catch((err: unknown) => this.options.logger.error({ err }, 'callback step failed'));
    }, ms);
    this.timers.add(timer);
  }
}
