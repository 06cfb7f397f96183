import { z } from 'zod';

export const TICKET_STATUSES = [
  'ACCEPTED',
  'ACKNOWLEDGED',
  'IN_PROGRESS',
  'RESOLVED',
  'REJECTED',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** What the intake API accepts (the fields the simulator cares about; others are kept as sent). */
export const intakeBody = z.looseObject({
  externalId: z.string().min(1).max(100),
  trackingCode: z.string().min(1).max(40),
  subject: z.string().min(1).max(1000),
  description: z.string().min(1).max(20_000),
  category: z.object({ code: z.string().min(1), name: z.string().min(1) }),
  targetAgency: z.string().min(1),
});
export type IntakeBody = z.infer<typeof intakeBody>;

export interface Ticket {
  ticketId: string;
  idempotencyKey: string;
  externalId: string;
  trackingCode: string;
  targetAgency: string;
  status: TicketStatus;
  createdAt: Date;
  request: IntakeBody;
  /** Callbacks delivered, in order. */
  callbacks: { status: TicketStatus; at: Date; httpStatus: number | null }[];
}

/** Tickets in memory, one per idempotency key (a restart forgets them: it is a simulator). */
export class TicketStore {
  private readonly byKey = new Map<string, Ticket>();
  private readonly byId = new Map<string, Ticket>();
  private seq = 0;

  /** The ticket for `key`, creating it on first sight; `created` says which. */
  open(key: string, body: IntakeBody, now = new Date()): { ticket: Ticket; created: boolean } {
    const existing = this.byKey.get(key);
    if (existing) return { ticket: existing, created: false };
    this.seq += 1;
    const day = now.toISOString().slice(0, 10).replace(/-/g, '');
    const ticket: Ticket = {
      ticketId: `1022-${day}-${String(this.seq).padStart(6, '0')}`,
      idempotencyKey: key,
      externalId: body.externalId,
      trackingCode: body.trackingCode,
      targetAgency: body.targetAgency,
      status: 'ACCEPTED',
      createdAt: now,
      request: body,
      callbacks: [],
    };
    this.byKey.set(key, ticket);
    this.byId.set(ticket.ticketId, ticket);
    return { ticket, created: true };
  }

  get(ticketId: string): Ticket | undefined {
    return this.byId.get(ticketId);
  }

  all(): Ticket[] {
    return [...this.byId.values()];
  }

  clear(): void {
    this.byKey.clear();
    this.byId.clear();
  }
}
