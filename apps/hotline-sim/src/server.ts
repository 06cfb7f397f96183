import { timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { HeldReplies, listen, requestIdMiddleware, type RunningHttpServer } from '@portal/http';
import type { Logger } from '@portal/logger';
import { CallbackSender, type LifecycleSettings } from './callback-sender';
import { decideFault, type FaultSettings } from './faults';
import { TicketStore, intakeBody, type Ticket } from './ticket-store';

export interface HotlineSimConfig {
  port: number;
  host?: string;
  apiKey: string;
  callbackSecret: string;
  callbackUrl: string;
  lifecycle: LifecycleSettings;
  faults: Omit<FaultSettings, 'downUntil'>;
  callbackAttempts: number;
  callbackRetryMs: number;
  /** Injectable for exact fault tests. */
  random?: () => number;
}

export interface RunningHotlineSim extends RunningHttpServer {
  store: TicketStore;
}

const settingsBody = z.strictObject({
  down: z.boolean().optional(),
  /** An outage that ends by itself after this long. */
  downForMs: z.number().int().min(0).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  rateLimitRate: z.number().min(0).max(1).optional(),
  retryAfterSeconds: z.number().int().min(0).optional(),
  timeoutRate: z.number().min(0).max(1).optional(),
  hangMs: z.number().int().min(0).optional(),
  ackDelayMs: z.number().int().min(0).optional(),
  progressDelayMs: z.number().int().min(0).optional(),
  closeDelayMs: z.number().int().min(0).optional(),
  outcome: z.enum(['RESOLVED', 'REJECTED', 'NONE']).optional(),
});

const manualCallbackBody = z.strictObject({
  status: z.enum(['ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'REJECTED']),
  note: z.string().max(2000).optional(),
  publicResponse: z.string().max(5000).optional(),
});

/**
 * The 1022 hotline intake API, simulated for development and tests:
 * - `POST /api/v1/referrals` (bearer key, `idempotency-key` header): a ticket, the same one
 *   for a repeated key; then signed callbacks ACKNOWLEDGED → IN_PROGRESS → RESOLVED (or
 *   REJECTED) after the configured delays;
 * - `GET /api/v1/referrals/:ticketId`;
 * - faults on demand (down, outage for a while, error rate, 429s with Retry-After, slow
 *   answers), and a control API
 *   under `/_control` (same key) to change them and to look at what it received.
 */
export async function startHotlineSim(
  config: HotlineSimConfig,
  logger: Logger,
): Promise<RunningHotlineSim> {
  const log = logger.child({ module: 'hotline-sim' });
  const store = new TicketStore();
  const initial = { faults: { ...config.faults, downUntil: null }, lifecycle: config.lifecycle };
  let faults: FaultSettings = { ...initial.faults };
  let lifecycle: LifecycleSettings = { ...initial.lifecycle };
  const sender = new CallbackSender({
    url: config.callbackUrl,
    secret: config.callbackSecret,
    attempts: config.callbackAttempts,
    retryMs: config.callbackRetryMs,
    logger: log,
  });
  const held = new HeldReplies();

  const app = express();
  app.disable('x-powered-by');
  app.use(requestIdMiddleware);
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  // Nothing to depend on: ready as soon as it listens (the chart's readiness probe asks here).
  app.get('/readyz', (_req, res) => void res.json({ status: 'ok' }));

  const requireKey = (req: Request, res: Response, next: NextFunction) => {
    const given = Buffer.from(req.get('authorization') ?? '');
    const expected = Buffer.from(`Bearer ${config.apiKey}`);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.status(401).json({ error: 'invalid API key' });
      return;
    }
    next();
  };

  app.post('/api/v1/referrals', requireKey, express.json({ limit: '1mb' }), (req, res) => {
    const outcome = decideFault(faults, new Date(), config.random);
    if (outcome === 'down') return void res.status(503).json({ error: 'hotline unavailable' });
    if (outcome === 'rate-limited')
      return void res
        .status(429)
        .set('retry-after', String(faults.retryAfterSeconds))
        .json({ error: 'too many requests' });
    if (outcome === 'error') return void res.status(500).json({ error: 'internal error' });
    const key = req.get('idempotency-key');
    if (!key || key.length > 200)
      return void res.status(400).json({ error: 'idempotency-key header required' });
    const parsed = intakeBody.safeParse(req.body);
    if (!parsed.success)
      return void res.status(422).json({
        error: 'invalid referral',
        issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      });
    const { ticket, created } = store.open(key, parsed.data);
    if (ticket.externalId !== parsed.data.externalId)
      return void res.status(409).json({ error: 'idempotency key reused for another referral' });
    if (created) {
      log.info({ ticketId: ticket.ticketId, trackingCode: ticket.trackingCode }, 'ticket opened');
      sender.startLifecycle(ticket, lifecycle);
    }
    const answer = () =>
      res.status(created ? 201 : 200).json({ ticketId: ticket.ticketId, status: ticket.status });
    if (outcome === 'timeout') {
      // Recorded, but answered too late: the caller must retry with the same key.
      held.later(res, faults.hangMs, answer);
      return;
    }
    answer();
  });

  app.get('/api/v1/referrals/:ticketId', requireKey, (req, res) => {
    const ticket = store.get(String(req.params.ticketId));
    if (!ticket) return void res.status(404).json({ error: 'no such ticket' });
    res.json(view(ticket));
  });

  app.get('/_control/state', requireKey, (_req, res) => {
    res.json({ faults, lifecycle, tickets: store.all().map(view) });
  });

  app.put('/_control/settings', requireKey, express.json(), (req, res) => {
    const parsed = settingsBody.safeParse(req.body);
    if (!parsed.success)
      return void res.status(400).json({ error: parsed.error.issues.map((i) => i.message) });
    const { downForMs, ackDelayMs, progressDelayMs, closeDelayMs, outcome, ...rest } = parsed.data;
    faults = {
      ...faults,
      ...rest,
      ...(downForMs !== undefined ? { downUntil: new Date(Date.now() + downForMs) } : {}),
    };
    lifecycle = {
      ackDelayMs: ackDelayMs ?? lifecycle.ackDelayMs,
      progressDelayMs: progressDelayMs ?? lifecycle.progressDelayMs,
      closeDelayMs: closeDelayMs ?? lifecycle.closeDelayMs,
      outcome: outcome ?? lifecycle.outcome,
    };
    log.info({ faults, lifecycle }, 'settings changed');
    res.json({ faults, lifecycle });
  });

  app.post(
    '/_control/tickets/:ticketId/callbacks',
    requireKey,
    express.json(),
    async (req, res) => {
      const ticket = store.get(String(req.params.ticketId));
      if (!ticket) return void res.status(404).json({ error: 'no such ticket' });
      const parsed = manualCallbackBody.safeParse(req.body);
      if (!parsed.success)
        return void res.status(400).json({ error: parsed.error.issues.map((i) => i.message) });
      const result = await sender.send(ticket, parsed.data);
      res.json({ result, callbacks: ticket.callbacks });
    },
  );

  app.post('/_control/reset', requireKey, (_req, res) => {
    sender.reset();
    store.clear();
    faults = { ...initial.faults };
    lifecycle = { ...initial.lifecycle };
    res.json({ faults, lifecycle });
  });

  // Malformed JSON and other request errors answer JSON, like everything else here.
  app.use((err: Error & { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) log.error({ err }, 'request failed');
    res.status(status).json({ error: status === 500 ? 'internal error' : err.message });
  });

  const server = await listen(app, config.port, config.host);
  log.info({ url: server.url, callbackUrl: config.callbackUrl }, 'hotline simulator listening');
  return {
    ...server,
    store,
    close: async () => {
      sender.close();
      held.clear();
      await server.close();
    },
  };
}

function view(ticket: Ticket) {
  return {
    ticketId: ticket.ticketId,
    externalId: ticket.externalId,
    trackingCode: ticket.trackingCode,
    targetAgency: ticket.targetAgency,
    status: ticket.status,
    createdAt: ticket.createdAt.toISOString(),
    callbacks: ticket.callbacks.map((c) => ({ ...c, at: c.at.toISOString() })),
  };
}
