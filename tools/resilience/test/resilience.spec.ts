// The resilience suite: the real stack under a steady mixed load through the gateway, one fault
// at a time, each with a scripted pass criterion. Sizes: src/settings.ts (RESILIENCE_SCALE=full
// for the issue's, e.g. 10,000 queued deliveries). Figures go to tmp/resilience/figures.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ManagedProcess,
  entryArgs,
  freePort,
  runProcess,
  startRedis,
  workspaceRoot,
} from '@portal/local-services';
import { metricValue, waitUntil } from '@portal/testing';
import { SteadyLoad, percentile, type Sample } from '../src/load';
import { demoArticleId, mixedTraffic, operation, personToken, post } from '../src/operations';
import { CountingMailSink, CountingWebhookReceiver } from '../src/receivers';
import { FULL, SCALE, SELECTED, stackOffset } from '../src/settings';
import { Stack } from '../src/stack';

const HOTLINE_BACKOFF_MS = 1000;
/** Each dispatch retry's delay is cut by up to this share at random (the referral worker's DISPATCH_BACKOFF_JITTER). */
const HOTLINE_BACKOFF_JITTER = 0.2;
/** What the hotline's 429s ask for (`Retry-After`, seconds) during scenario 7's faults. */
const HOTLINE_RETRY_AFTER_SECONDS = 2;
/**
 * Dispatch attempts whose backoff (doubling from HOTLINE_BACKOFF_MS, even with all its
 * jitter taken off) spans twice the hotline's faults: a referral's last attempt then comes
 * after the hotline has recovered, however the attempts before it fell (6 for the short
 * 12 s, 9 for the full minute). The cap (HOTLINE_RETRY_MAX_BACKOFF_MS, 10 min) is far above
 * any of these delays.
 */
const HOTLINE_ATTEMPTS = (() => {
  let attempts = 1;
  while (
    HOTLINE_BACKOFF_MS * (1 - HOTLINE_BACKOFF_JITTER) * (2 ** (attempts - 1) - 1) <
    2 * SCALE.hotlineOutageMs
  )
    attempts++;
  return attempts;
})();
/** All the retry delays of one dispatch together (at most): how long a hotline down for good takes to FAIL it. */
const HOTLINE_BACKOFF_TOTAL_MS = HOTLINE_BACKOFF_MS * (2 ** (HOTLINE_ATTEMPTS - 1) - 1);
// Well above the services' database server-selection time (2 s, libs/db), so a write that finds
// FerretDB away is answered by its service (SERVICE_UNAVAILABLE) before the gateway gives up on it.
const SUBGRAPH_TIMEOUT_MS = 8000;
// Long enough for the checks made while it is open on a busy machine.
const CIRCUIT_OPEN_MS = 15_000;
const EMAIL_CONCURRENCY = 16;

let stack: Stack;
let load: SteadyLoad;
let mail: CountingMailSink;
let hooks: CountingWebhookReceiver;
let dataDir: string;
let citizen: string;
const output: string[] = [];
const figures: Record<string, unknown> = {};

const now = () => Date.now();
const ok = (s: Sample) => s.status === 200 && s.errors.length === 0;
const p95 = (samples: Sample[]) =>
  Math.round(
    percentile(
      samples.map((s) => s.ms),
      95,
    ),
  );
/** Latency may grow under a fault, within this much of its baseline (a busy 2-core machine). */
const keptLatency = (baseline: number) => Math.max(baseline * 3, baseline + 1000);

async function readyz(url: string): Promise<{ status: number; checks: Record<string, string> }> {
  const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(10_000) });
  const body = (await res.json()) as { checks: Record<string, string> };
  return { status: res.status, checks: body.checks };
}

/** Jobs of `queue` not yet finished: active, waiting, delayed (a backoff, a claim to expire) or prioritized. */
async function unsettled(queue: Queue): Promise<number> {
  const counts = await queue.getJobCounts('active', 'waiting', 'delayed', 'prioritized');
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

async function metrics(url: string): Promise<string> {
  return (await fetch(`${url}/metrics`)).text();
}

/** Waits until at least `count` samples of `op` started after `from` are in. */
async function samplesOf(op: string, from: number, count: number): Promise<Sample[]> {
  return waitUntil(
    () => {
      const found = load.window(from, Infinity, op);
      return found.length >= count ? found : null;
    },
    { what: `${count} ${op} answers under load`, timeoutMs: 180_000, intervalMs: 200 },
  );
}

/**
 * Nothing internal leaks into any answer: no service address (the stack's services listen on
 * 127.0.0.1; public links use PUBLIC_BASE_URL's localhost), subgraph port, driver error or stack.
 */
function leaks(samples: Sample[]): string[] {
  const subgraphPorts = (
    ['content', 'library', 'forum', 'bulletin', 'referral', 'engagement'] as const
  )
    .map((name) => stack.port(name))
    .join('|');
  const internal = [
    /127\.0\.0\.1/,
    new RegExp(`:(${subgraphPorts})\\b`),
    /ECONNREFUSED|ECONNRESET|UND_ERR|fetch failed/,
    /\bat .+\.(ts|js):\d+/,
    /Mongo\w*Error/,
  ];
  return samples
    .filter((s) => internal.some((re) => re.test(s.body)))
    .map((s) => `${s.op}: ${s.body.slice(0, 200)}`);
}

async function trackReferral(code: string) {
  const res = await post(stack.graphUrl, operation('TrackReferral'), { code });
  return res.data?.referralByTrackingCode as
    { status: string; history: { status: string }[] } | null | undefined;
}

async function hotline(path: string, init: RequestInit = {}) {
  const res = await fetch(`${stack.hotlineUrl}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${stack.app('hotline-sim').env.HOTLINE_API_KEY}`,
      'content-type': 'application/json',
    },
  });
  return res.json() as Promise<any>;
}

beforeAll(async () => {
  mail = await new CountingMailSink().start();
  hooks = await new CountingWebhookReceiver().start();
  dataDir = mkdtempSync(join(tmpdir(), 'portal-resilience-'));
  const offset = await stackOffset();
  stack = new Stack({
    offset,
    dataDir,
    smtpUrl: mail.url,
    env: {
      // Every request of the load comes from one address and a few people.
      RATE_LIMIT_ANONYMOUS: '1000000',
      RATE_LIMIT_PERSON: '1000000',
      FEEDBACK_PER_HOUR: '1000000',
      TRACKING_LOOKUPS_PER_MINUTE: '1000000',
      // Five people open threads all along (5 per 15 min each by default): after the first
      // minutes the forum answered RATE_LIMITED before reaching its database.
      FORUM_LIMIT_THREADS: '1000000/900',
      SUBGRAPH_TIMEOUT_MS: String(SUBGRAPH_TIMEOUT_MS),
      SUBGRAPH_CIRCUIT_FAILURES: '5',
      SUBGRAPH_CIRCUIT_OPEN_MS: String(CIRCUIT_OPEN_MS),
      HOTLINE_DISPATCH_ATTEMPTS: String(HOTLINE_ATTEMPTS),
      HOTLINE_RETRY_BACKOFF_MS: String(HOTLINE_BACKOFF_MS),
      HOTLINE_TIMEOUT_MS: '2000',
      EMAIL_RATE_PER_SECOND: '2000',
      EMAIL_CONCURRENCY: String(EMAIL_CONCURRENCY),
      WEBHOOK_RATE_PER_SECOND: '2000',
      // A killed worker's sends are taken up again once their claims expire (scenario 6): 40 s
      // here instead of 2 min, still above three SMTP timeouts (the notifier refuses less).
      SMTP_TIMEOUT_MS: '10000',
      DELIVERY_CLAIM_TTL_MS: '40000',
    },
    onOutput: (name, line) => {
      output.push(`[${name}] ${line}`);
      if (output.length > 50_000) output.shift();
    },
  });
  await stack.start();
  citizen = await personToken(stack.keysDir, 'citizen');
  const citizens = await Promise.all(
    Array.from({ length: 5 }, () => personToken(stack.keysDir, 'citizen')),
  );
  load = new SteadyLoad({
    ratePerSecond: SCALE.loadRate,
    timeoutMs: 30_000,
    operations: mixedTraffic(
      {
        graphUrl: stack.graphUrl,
        citizens,
        // The first answers of a cold stack on a busy machine may time out.
        articleId: await waitUntil(() => demoArticleId(stack.graphUrl), {
          what: 'a first answer with the demo data',
          timeoutMs: 180_000,
          intervalMs: 1000,
        }),
      },
      'steady',
    ),
  }).start();
  // A baseline before the first fault.
  await samplesOf('content', now() - 60_000, 20);
}, 900_000);

afterAll(async () => {
  await load?.stop();
  const all = load?.samples ?? [];
  figures.load = {
    requests: all.length,
    ratePerSecond: SCALE.loadRate,
    scale: FULL ? 'full' : 'short',
  };
  const dir = join(workspaceRoot(), 'tmp', 'resilience');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, FULL ? 'figures-full.json' : 'figures.json'),
    JSON.stringify(figures, null, 2),
  );
  writeFileSync(join(dir, 'stack-output.log'), output.join('\n'));
  await stack?.stop();
  await mail?.stop();
  await hooks?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 120_000);

/**
 * Scenarios that do not pass yet (docs/reliability.md says why): `npm test` skips them, with
 * that reason in its list of skips; `npm run test:resilience` (full scale) runs every one.
 */
const OPEN: Record<number, string> = {};
/**
 * `it` for scenario `n`: skipped with its reason in the short run while it is open; with
 * RESILIENCE_SCENARIOS, run when listed there and skipped otherwise.
 */
function scenario(n: number) {
  const skip = SELECTED
    ? !SELECTED.includes(n) && `not in RESILIENCE_SCENARIOS=${SELECTED.join(',')}`
    : !FULL && OPEN[n];
  return (name: string, fn: () => Promise<void>, timeoutMs?: number) =>
    it(name, skip ? (ctx) => ctx.skip(skip) : fn, timeoutMs);
}

describe('resilience under a steady mixed load', () => {
  scenario(1)(
    '1. a subgraph killed and restarted: others keep their latency, its part is null with a masked error, readiness reports it',
    async () => {
      const baselineFrom = now() - 30_000;
      const baseline = {
        content: p95(load.window(baselineFrom, now(), 'content').filter(ok)),
        library: p95(load.window(baselineFrom, now(), 'library').filter(ok)),
      };
      const killedAt = now();
      await stack.signal('forum', 'SIGKILL');
      const down = await waitUntil(
        async () => {
          const r = await readyz(stack.gatewayOpsUrl);
          return r.checks.forum !== 'ok' ? r : null;
        },
        { what: "the gateway's readiness to report forum", timeoutMs: 30_000, intervalMs: 250 },
      );
      expect(down.status).toBe(503);
      expect(down.checks.content).toBe('ok');
      const across = await post(
        stack.graphUrl,
        '{ articles(first: 2) { totalCount } threads(first: 2) { nodes { id } } }',
        {},
        { bearer: citizen },
      );
      expect(across.status).toBe(200);
      expect(across.data?.articles?.totalCount).toBeGreaterThan(0);
      expect(across.data?.threads).toBeNull();
      expect(JSON.parse(across.body).errors[0]).toMatchObject({
        message: 'The forum service is unavailable; the fields it serves are missing',
        extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'forum' },
      });
      const forumDown = await samplesOf('forum', killedAt + 1000, 8);
      const others = {
        content: (await samplesOf('content', killedAt, 8)).filter((s) => s.at > killedAt),
        library: (await samplesOf('library', killedAt, 8)).filter((s) => s.at > killedAt),
      };
      for (const [op, samples] of Object.entries(others)) {
        expect(samples.every(ok), `${op} answers while forum is down`).toBe(true);
        expect(
          p95(samples),
          `${op} p95 (baseline ${baseline[op as 'content']} ms)`,
        ).toBeLessThanOrEqual(keptLatency(baseline[op as 'content']));
      }
      for (const s of forumDown) {
        expect(s.status).toBe(200);
        expect(s.errors.length).toBeGreaterThan(0);
      }
      const restartedAt = now();
      await stack.startApp('forum');
      await waitUntil(async () => (await readyz(stack.gatewayOpsUrl)).checks.forum === 'ok', {
        what: "the gateway's readiness to recover",
        timeoutMs: 60_000,
        intervalMs: 250,
      });
      const recovered = await waitUntil(
        async () => {
          const r = await post(
            stack.graphUrl,
            '{ threads(first: 2) { nodes { id } } }',
            {},
            { bearer: citizen },
          );
          return r.errors.length === 0 ? r : null;
        },
        { what: 'forum answers again', timeoutMs: 60_000, intervalMs: 250 },
      );
      expect(recovered.data?.threads?.nodes.length).toBeGreaterThan(0);
      const leaked = leaks(load.window(killedAt));
      expect(leaked).toEqual([]);
      figures.subgraphKilled = {
        baselineP95Ms: baseline,
        duringP95Ms: { content: p95(others.content), library: p95(others.library) },
        forumAnswersWhileDown: forumDown.length,
        recoveredAfterRestartMs: now() - restartedAt,
        bodiesCheckedForLeaks: load.window(killedAt).length,
      };
    },
  );

  scenario(2)(
    '2. a subgraph hung (SIGSTOP): bounded by its timeout, then fails fast (circuit open) while others keep their latency; closes when it returns',
    async () => {
      const baselineFrom = now() - 30_000;
      const baseline = p95(load.window(baselineFrom, now(), 'content').filter(ok));
      const stoppedAt = now();
      await stack.signal('library', 'SIGSTOP');
      try {
        await waitUntil(
          async () =>
            metricValue(await metrics(stack.gatewayOpsUrl), 'gateway_subgraph_circuit_open', {
              subgraph: 'library',
            }) === 1,
          { what: "library's circuit to open", timeoutMs: 120_000, intervalMs: 250 },
        );
        const openedAt = now();
        const hung = load.window(stoppedAt, openedAt, 'library');
        expect(hung.length).toBeGreaterThan(0);
        // Each answer bounded by the subgraph timeout (plus the gateway's own work on a busy machine).
        for (const s of hung) expect(s.ms).toBeLessThan(SUBGRAPH_TIMEOUT_MS + 2500);
        // While it is open, asking for library is answered at once (no wait for a timeout).
        const fast: { ms: number }[] = [];
        for (let i = 0; i < 3; i++) {
          const sentAt = performance.now();
          const r = await post(stack.graphUrl, '{ libraryItems(first: 5) { nodes { id } } }');
          const ms = performance.now() - sentAt;
          fast.push({ ms });
          expect(r.status).toBe(200);
          expect(r.errors).toContain('INTERNAL_SERVER_ERROR');
          expect(JSON.parse(r.body).errors[0].extensions.serviceName).toBe('library');
          expect(ms, 'an answer while the circuit is open').toBeLessThan(SUBGRAPH_TIMEOUT_MS / 2);
        }
        const content = (await samplesOf('content', openedAt, 8)).filter((s) => s.at > openedAt);
        expect(content.every(ok)).toBe(true);
        expect(p95(content)).toBeLessThanOrEqual(keptLatency(baseline));
        figures.subgraphHung = {
          timeoutMs: SUBGRAPH_TIMEOUT_MS,
          slowestWhileClosedMs: Math.round(Math.max(...hung.map((s) => s.ms))),
          circuitOpenAfterMs: openedAt - stoppedAt,
          slowestWhileOpenMs: Math.round(Math.max(...fast.map((s) => s.ms))),
          contentBaselineP95Ms: baseline,
          contentP95WhileOpenMs: p95(content),
        };
      } finally {
        await stack.signal('library', 'SIGCONT');
      }
      const resumedAt = now();
      await waitUntil(
        async () =>
          metricValue(await metrics(stack.gatewayOpsUrl), 'gateway_subgraph_circuit_open', {
            subgraph: 'library',
          }) === 0 && load.window(now() - 2000, Infinity, 'library').some(ok),
        { what: "library's circuit to close", timeoutMs: 60_000, intervalMs: 250 },
      );
      (figures.subgraphHung as Record<string, unknown>).closedAfterResumeMs = now() - resumedAt;
    },
  );

  scenario(5)(
    '5. FerretDB restarted under write load: clean retryable errors while down, services recover by themselves, every acknowledged write reads back',
    async () => {
      const stoppedAt = now();
      await stack.stopFerretdb();
      // Down from the moment the process has exited: on SIGTERM FerretDB stops accepting but
      // serves the connections it has for 3 more seconds, and writes on them are stored.
      const downFrom = now();
      let downAnswers: Sample[] = [];
      try {
        downAnswers = await samplesOf('thread', downFrom, 4);
      } finally {
        await stack.startFerretdb();
      }
      const restartedAt = now();
      for (const s of downAnswers) {
        // An answer, not a hang: the database error is retryable and says nothing internal.
        expect(s.status).toBe(200);
        expect(
          s.errors.some((c) => c === 'SERVICE_UNAVAILABLE'),
          s.body,
        ).toBe(true);
      }
      expect(leaks(downAnswers)).toEqual([]);
      await waitUntil(
        async () => {
          const checks = await Promise.all(
            ['content', 'forum', 'library', 'referral'].map(async (n) => ({
              n,
              ...(await readyz(stack.opsUrl(n))),
            })),
          );
          const unready = checks.filter((c) => c.status !== 200);
          // Thrown, so that the timeout's message names who is not ready and why.
          if (unready.length)
            throw new Error(unready.map((c) => `${c.n}: ${JSON.stringify(c.checks)}`).join('; '));
          return true;
        },
        { what: 'every service to be ready again', timeoutMs: 120_000, intervalMs: 250 },
      );
      const recoveredMs = now() - restartedAt;
      const writes = await samplesOf('thread', restartedAt, 3);
      expect(writes.filter((s) => s.at > restartedAt + recoveredMs).every(ok)).toBe(true);
      // Every thread whose creation was acknowledged (before, during, after) is stored.
      const acknowledged = load.window(0).filter((s) => s.op === 'thread' && ok(s) && s.result);
      const client = await new MongoClient(stack.mongoUri).connect();
      try {
        const ids = acknowledged.map((s) => String(s.result));
        const { ObjectId } = await import('mongodb');
        const stored = await client
          .db('portal_forum')
          .collection('threads')
          .countDocuments({ _id: { $in: ids.map((id) => new ObjectId(id)) } });
        expect(stored).toBe(ids.length);
        figures.ferretdbRestart = {
          stopTookMs: downFrom - stoppedAt,
          writesAnsweredWhileDown: downAnswers.length,
          codesWhileDown: [...new Set(downAnswers.flatMap((s) => s.errors))],
          servicesReadyAfterMs: recoveredMs,
          acknowledgedThreadsReadBack: `${stored}/${ids.length}`,
        };
      } finally {
        await client.close();
      }
    },
  );

  scenario(4)(
    '4. Redis down while citizens submit feedback: stored and answered with a tracking code in < 2 s (or no slower than a fault may make it on a busier machine), forwarded once when Redis returns',
    async () => {
      const submit = async (label: string, i: number) => {
        const started = performance.now();
        const res = await post(stack.graphUrl, operation('SubmitFeedback'), {
          input: {
            subject: `Đèn đường hỏng khi Redis ${label} ${i}`,
            body: 'Đèn đường trên đường Lê Lợi không sáng từ hôm qua.',
            contactEmail: `redis.${label}.${i}@example.vn`,
            categoryCode: 'DIEN',
          },
        });
        const ms = performance.now() - started;
        expect(res.errors, res.body).toEqual([]);
        return { code: res.data!.submitFeedback.trackingCode, ms };
      };
      // The same submissions with Redis up, under the same load: on a machine so busy that
      // they take longer than the 2 s target already, Redis being down may not add more
      // than the other scenarios allow a fault to add (keptLatency).
      const up: number[] = [];
      for (let i = 0; i < SCALE.feedbackWhileDown; i++) up.push((await submit('up', i)).ms);
      const bound = Math.max(2000, keptLatency(Math.max(...up)));
      await stack.stopRedis();
      const answers: { code: string; ms: number }[] = [];
      try {
        for (let i = 0; i < SCALE.feedbackWhileDown; i++) answers.push(await submit('down', i));
      } finally {
        await stack.startRedis();
      }
      for (const a of answers) {
        expect(a.code).toMatch(/^HL-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
        expect(a.ms, `slowest with Redis up: ${Math.round(Math.max(...up))} ms`).toBeLessThan(
          bound,
        );
      }
      const forwarded = await waitUntil(
        async () => {
          const all = await Promise.all(answers.map((a) => trackReferral(a.code)));
          return all.every((r) => r && r.status !== 'RECEIVED') ? all : null;
        },
        { what: 'every referral to be forwarded', timeoutMs: 180_000, intervalMs: 1000 },
      );
      for (const r of forwarded) {
        expect(r!.status).not.toBe('FAILED');
        // FORWARDED once, or not at all when the hotline's acknowledgement overtook our record of
        // the answer (the simulator calls back 300 ms after opening a ticket; a loaded worker
        // can take longer than that to write FORWARDED, and the hotline's word wins).
        expect(r!.history.filter((h) => h.status === 'FORWARDED').length).toBeLessThanOrEqual(1);
      }
      const tickets = (await hotline('/_control/state')).tickets as { trackingCode?: string }[];
      // Forwarded once: exactly one ticket at the hotline per referral.
      for (const a of answers)
        expect(
          tickets.filter((t) => t.trackingCode === a.code),
          a.code,
        ).toHaveLength(1);
      figures.redisDownFeedback = {
        submitted: answers.length,
        slowestAnswerMs: Math.round(Math.max(...answers.map((a) => a.ms))),
        slowestWithRedisUpMs: Math.round(Math.max(...up)),
        boundMs: Math.round(bound),
        forwardedOnce: forwarded.length,
        hotlineTickets: tickets.length,
      };
    },
  );

  scenario(3)(
    '3. Redis restarted with queued notification jobs (AOF on): all delivered once, workers resume by themselves and report progress',
    async () => {
      const notifierPid = stack.pid('notifier');
      await runProcess(
        'npm',
        [
          'run',
          '-s',
          'webhook',
          '--',
          'add',
          '--partner',
          'resilience',
          '--url',
          hooks.url,
          '--events',
          'article.published',
        ],
        {
          cwd: workspaceRoot(),
          env: {
            PATH: process.env.PATH,
            HOME: process.env.HOME,
            MONGODB_URI: stack.mongoUri,
            MONGODB_DB: 'portal_notifier',
            NODE_ENV: 'development',
            LOG_LEVEL: 'warn',
            WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
          },
          timeoutMs: 120_000,
        },
      ).then((r) => expect(r.status, r.stderr).toBe(0));
      const redis = new Redis(stack.redisUrl);
      const notifications = new Queue('notifications', {
        connection: redis,
        prefix: stack.queuePrefix,
      });
      const batches = SCALE.queuedDeliveries / 1000;
      const addresses: string[] = [];
      const webhookIds: string[] = [];
      try {
        // The notifier is stopped while they are queued, so all of them are in Redis at the restart.
        await stack.signal('notifier', 'SIGSTOP');
        for (let b = 0; b < batches; b++) {
          const recipients = Array.from({ length: 1000 }, (_, i) => {
            const email = `nguoi.nhan.${b}.${i}@example.vn`;
            addresses.push(email);
            return { id: `r-${b}-${i}`, email };
          });
          await notifications.add(
            'email',
            {
              kind: 'email',
              notificationId: `resilience-bulletin-${b}`,
              recipients,
              message: {
                template: 'bulletin.confirm-subscription',
                data: { confirmUrl: 'https://cds.hochiminhcity.gov.vn/xac-nhan?token=t' },
              },
            },
            { jobId: `resilience-bulletin-${b}` },
          );
        }
        for (let w = 0; w < SCALE.queuedDeliveries / 100; w++) {
          webhookIds.push(`resilience-hook-${w}`);
          await notifications.add(
            'webhook',
            {
              kind: 'webhook',
              notificationId: `resilience-hook-${w}`,
              event: 'article.published',
              payload: { articleId: `a${w}` },
            },
            { jobId: `resilience-hook-${w}` },
          );
        }
        await stack.signal('notifier', 'SIGCONT');
        // Let the fan-out start, then take Redis away mid-way.
        await waitUntil(() => mail.tally(addresses).delivered > 0, {
          what: 'the first deliveries',
          timeoutMs: 120_000,
          intervalMs: 100,
        });
        const before = mail.tally(addresses).delivered;
        await stack.stopRedis();
        await waitUntil(
          async () => (await readyz(stack.opsUrl('notifier'))).checks.redis !== 'ok',
          {
            what: "the notifier's readiness to report Redis",
            timeoutMs: 30_000,
            intervalMs: 250,
          },
        );
        await stack.startRedis();
        const back = now();
        const done = await waitUntil(
          () => {
            const t = mail.tally(addresses);
            return t.delivered === addresses.length ? t : null;
          },
          {
            what: `${addresses.length} deliveries`,
            timeoutMs: FULL ? 900_000 : 300_000,
            intervalMs: 500,
          },
        ).catch(async (err: Error) => {
          // What the queues hold, for whoever reads the failure.
          const email = new Queue('notifier-email', {
            connection: redis,
            prefix: stack.queuePrefix,
          });
          const counts = {
            delivered: mail.tally(addresses).delivered,
            notifications: await notifications.getJobCounts(),
            email: await email.getJobCounts(),
          };
          await email.close();
          throw new Error(`${err.message}: ${JSON.stringify(counts)}`);
        });
        expect(done.duplicated).toBe(0);
        await waitUntil(() => hooks.deliveries.size >= webhookIds.length, {
          what: `${webhookIds.length} webhooks`,
          timeoutMs: 300_000,
          intervalMs: 500,
        }).catch(async (err: Error) => {
          const webhook = new Queue('notifier-webhook', {
            connection: redis,
            prefix: stack.queuePrefix,
          });
          const counts = {
            delivered: hooks.deliveries.size,
            notifications: await notifications.getJobCounts(),
            failedNotifications: (await notifications.getFailed(0, 2)).map((j) => j.failedReason),
            webhook: await webhook.getJobCounts(),
          };
          await webhook.close();
          throw new Error(`${err.message}: ${JSON.stringify(counts)}`);
        });
        expect([...hooks.deliveries.values()].filter((n) => n > 1)).toEqual([]);
        expect(hooks.deliveries.size).toBe(webhookIds.length);
        // Same process throughout: it resumed by itself, and its health shows the progress.
        expect(stack.pid('notifier')).toBe(notifierPid);
        const text = await metrics(stack.opsUrl('notifier'));
        expect(
          metricValue(text, 'worker_jobs_finished', {
            queue: 'notifier-email',
            outcome: 'completed',
          }),
        ).toBeGreaterThanOrEqual(addresses.length - before);
        expect(
          metricValue(text, 'worker_last_job_finished_timestamp_seconds', {
            queue: 'notifier-email',
          }) * 1000,
        ).toBeGreaterThan(back);
        expect((await readyz(stack.opsUrl('notifier'))).status).toBe(200);
        figures.redisRestartQueued = {
          deliveries: addresses.length,
          webhooks: webhookIds.length,
          deliveredBeforeRestart: before,
          duplicates: done.duplicated,
          drainedAfterRestartMs: now() - back,
        };
      } finally {
        stack.process('notifier').child.kill('SIGCONT');
        await notifications.close();
        redis.disconnect();
      }
    },
  );

  scenario(6)(
    '6. a worker SIGKILLed mid-batch and one SIGTERMed in a deploy: jobs picked up again, one effect each, no stalled job',
    async () => {
      const redis = new Redis(stack.redisUrl);
      const notifications = new Queue('notifications', {
        connection: redis,
        prefix: stack.queuePrefix,
      });
      const emailQueue = new Queue('notifier-email', {
        connection: redis,
        prefix: stack.queuePrefix,
      });
      try {
        const batch = async (label: string) => {
          const recipients = Array.from({ length: 600 }, (_, i) => ({
            id: `${label}-${i}`,
            email: `${label}.${i}@example.vn`,
          }));
          await notifications.add(
            'email',
            {
              kind: 'email',
              notificationId: `resilience-${label}`,
              recipients,
              message: {
                template: 'bulletin.confirm-subscription',
                data: { confirmUrl: 'https://cds.hochiminhcity.gov.vn/xac-nhan?token=t' },
              },
            },
            { jobId: `resilience-${label}` },
          );
          return recipients.map((r) => r.email);
        };
        const killed = await batch('killed');
        await waitUntil(() => mail.tally(killed).delivered >= 50, {
          what: 'the batch to be under way',
          timeoutMs: 120_000,
          intervalMs: 50,
        });
        await stack.signal('notifier', 'SIGKILL');
        const killedAt = now();
        const deliveredAtKill = mail.tally(killed).delivered;
        await stack.startApp('notifier');
        // Every address served is not yet every job settled: a send the relay had accepted
        // when the worker died is counted by the sink while its job is still active, waiting
        // for the stalled check (a lock's time) and then for its attempt's claim to expire. The
        // batch is over when the queue holds none of its jobs, so that what SIGTERM leaves
        // active below is the deploy's own.
        await waitUntil(() => mail.tally(killed).delivered === killed.length, {
          what: 'every address of the killed batch served',
          timeoutMs: 300_000,
          intervalMs: 500,
        });
        const servedMs = now() - killedAt;
        // Jobs still to settle when every address had been served (what SIGTERM found active
        // in the run of 5 Dec 05:35, when the deploy began at this point).
        const unsettledWhenServed = await unsettled(emailQueue);
        await waitUntil(async () => (await unsettled(emailQueue)) === 0, {
          what: "the killed batch's jobs to settle",
          timeoutMs: 300_000,
          intervalMs: 500,
        });
        const afterKill = mail.tally(killed);
        expect(afterKill.duplicated, 'recipients who got two different messages').toBe(0);
        // What was in flight when it died (the relay had said 250, the record was not yet
        // written) goes out again as the same message: at most one copy per concurrent send.
        expect(afterKill.resent, 'copies sent again after the kill').toBeLessThanOrEqual(
          EMAIL_CONCURRENCY,
        );
        const resumedMs = now() - killedAt;

        const deployed = await batch('deploy');
        await waitUntil(() => mail.tally(deployed).delivered >= 50, {
          what: 'the second batch to be under way',
          timeoutMs: 120_000,
          intervalMs: 50,
        });
        const term = stack.process('notifier');
        await stack.signal('notifier', 'SIGTERM');
        expect(await term.exited, `notifier exit\n${term.recentOutput}`).toBe(0);
        // A clean shutdown finished what it had taken: nothing is left active (to stall).
        const leftActive = (await emailQueue.getActive()).map((j) => j.id);
        const waitingAtSigterm = await emailQueue.getWaitingCount();
        expect(leftActive, `jobs left active by a clean shutdown\n${term.recentOutput}`).toEqual(
          [],
        );
        await stack.startApp('notifier');
        const afterTerm = await waitUntil(
          () => {
            const t = mail.tally(deployed);
            return t.delivered === deployed.length ? t : null;
          },
          { what: 'the deployed batch to finish', timeoutMs: 300_000, intervalMs: 500 },
        );
        expect(afterTerm.duplicated, 'recipients who got two different messages').toBe(0);
        expect(afterTerm.resent, 'copies sent again after a clean shutdown').toBe(0);
        // BullMQ keeps the candidates of its next stalled check in a set (active jobs are in it
        // between checks); a job it found stalled leaves it for wait, so this is a figure, not a check.
        const stalled = await redis.scard(`${stack.queuePrefix}:notifier-email:stalled`);
        figures.workerKilled = {
          batch: killed.length,
          deliveredAtKill,
          allServedAfterKillMs: servedMs,
          unsettledWhenServed,
          allSettledAfterKillMs: resumedMs,
          duplicates: afterKill.duplicated + afterTerm.duplicated,
          resentAfterKill: afterKill.resent,
          activeAfterSigterm: leftActive.length,
          waitingAtSigterm,
          stalledSet: stalled,
        };
      } finally {
        await notifications.close();
        await emailQueue.close();
        redis.disconnect();
      }
    },
  );

  scenario(7)(
    '7. the hotline failing for a while: backoff, no lost referral, FAILED only after the last attempt, all delivered once it recovers',
    async () => {
      // As a citizen's page would: tried again if the portal itself is briefly unavailable (a
      // busy machine after the earlier faults); this scenario is about the hotline.
      const submit = (label: string) =>
        waitUntil(
          async () => {
            const res = await post(stack.graphUrl, operation('SubmitFeedback'), {
              input: {
                subject: `Nước sinh hoạt bị đục ${label}`,
                body: 'Nước máy ở phường 5 bị đục hai ngày nay.',
                contactEmail: `hotline.${label}@example.vn`,
                categoryCode: 'DIEN',
              },
            });
            return res.errors.length ? null : (res.data!.submitFeedback.trackingCode as string);
          },
          { what: `feedback ${label} accepted`, timeoutMs: 60_000, intervalMs: 1000 },
        );
      // A minute (12 s short) of faults: answering 503 for the first half, then 20 % 429s
      // (throttled: nothing recorded, `Retry-After: 2`), 30 % 500s and 20 % answers too late
      // (the ticket is opened but the caller times out), each drawn on its own; then recovered.
      const faultMs = SCALE.hotlineOutageMs;
      await hotline('/_control/settings', {
        method: 'PUT',
        body: JSON.stringify({ downForMs: faultMs / 2 }),
      });
      const faultsStart = now();
      const codes: string[] = [];
      for (let i = 0; i < 5; i++) codes.push(await submit(`outage-${i}`));
      const during = async (until: number) => {
        // While the hotline fails nothing is FAILED (attempts remain) and nothing is lost.
        while (now() < until) {
          const states = await Promise.all(codes.map(trackReferral));
          for (const r of states) expect(r && r.status !== 'FAILED', JSON.stringify(r)).toBe(true);
          await new Promise((r) => setTimeout(r, 1000));
        }
      };
      await during(faultsStart + faultMs / 2);
      await hotline('/_control/settings', {
        method: 'PUT',
        body: JSON.stringify({
          rateLimitRate: 0.2,
          retryAfterSeconds: HOTLINE_RETRY_AFTER_SECONDS,
          errorRate: 0.3,
          timeoutRate: 0.2,
          hangMs: 3000,
        }),
      });
      await during(faultsStart + faultMs);
      await hotline('/_control/settings', {
        method: 'PUT',
        body: JSON.stringify({ rateLimitRate: 0, errorRate: 0, timeoutRate: 0 }),
      });
      const recoveredAt = now();
      // A referral waiting at the recovery is tried again within one backoff delay, which is at
      // most the time since its first attempt plus the first delay, or the 429's Retry-After if
      // longer; plus room for a busy machine.
      const recoveryBoundMs =
        recoveredAt -
        faultsStart +
        Math.max(HOTLINE_BACKOFF_MS, HOTLINE_RETRY_AFTER_SECONDS * 1000) +
        60_000;
      const delivered = await waitUntil(
        async () => {
          const all = await Promise.all(codes.map(trackReferral));
          return all.every((r) => r && r.status !== 'RECEIVED') ? all : null;
        },
        {
          what: 'every referral taken by the hotline after it recovered',
          timeoutMs: recoveryBoundMs,
          intervalMs: 1000,
        },
      );
      const forwardedAfterRecoveryMs = now() - recoveredAt;
      for (const r of delivered) {
        expect(r!.status).not.toBe('FAILED');
        // FORWARDED once, or not at all when the hotline's callback about the ticket overtook
        // the answer (an attempt that timed out after the ticket was opened).
        expect(r!.history.filter((h) => h.status === 'FORWARDED').length).toBeLessThanOrEqual(1);
      }
      const state = await hotline('/_control/state');
      const tickets = state.tickets as { ticketId: string; trackingCode: string }[];
      // Exactly one ticket at the hotline per referral, however many attempts it took.
      for (const code of codes)
        expect(
          tickets.filter((t) => t.trackingCode === code),
          code,
        ).toHaveLength(1);

      // Down for good: FAILED exactly when the last attempt fails.
      await hotline('/_control/settings', {
        method: 'PUT',
        body: JSON.stringify({ down: true, rateLimitRate: 0, errorRate: 0, timeoutRate: 0 }),
      });
      try {
        const code = await submit('down-for-good');
        const client = await new MongoClient(stack.mongoUri).connect();
        const redis = new Redis(stack.redisUrl);
        const dispatch = new Queue('referral-dispatch', {
          connection: redis,
          prefix: stack.queuePrefix,
        });
        try {
          const referral = await waitUntil(
            () =>
              client.db('portal_referral').collection('referrals').findOne({ trackingCode: code }),
            { what: 'the referral to be stored' },
          );
          // The status first, then the job: the last attempt records FAILED before BullMQ counts
          // it as made, so `attemptsMade` read after FAILED may still be one short; attempts
          // started cannot be (FAILED is written during the last one).
          const seen: { started: number; status: string }[] = [];
          await waitUntil(
            async () => {
              const r = await trackReferral(code);
              const job = await dispatch.getJob(`dispatch.${String(referral._id)}.1`);
              seen.push({ started: job?.attemptsStarted ?? 0, status: r?.status ?? '?' });
              return r?.status === 'FAILED';
            },
            {
              what: 'the referral to be FAILED',
              timeoutMs: HOTLINE_BACKOFF_TOTAL_MS + 150_000,
              intervalMs: 250,
            },
          );
          for (const s of seen) if (s.status === 'FAILED') expect(s.started).toBe(HOTLINE_ATTEMPTS);
          // And no attempt after it: the job ends failed with every attempt made. Read once it
          // is failed (a final state): a job read before, while its last attempt was still
          // being recorded, can show one attempt fewer (most likely why a run at load 23 read
          // 5 of 6).
          const ended = await waitUntil(
            async () => {
              const id = `dispatch.${String(referral._id)}.1`;
              return (await dispatch.getJobState(id)) === 'failed' ? dispatch.getJob(id) : null;
            },
            { what: 'the dispatch job to end failed', timeoutMs: 60_000, intervalMs: 250 },
          );
          expect(ended.attemptsMade).toBe(HOTLINE_ATTEMPTS);
          figures.hotlineFaults = {
            faultMs,
            referralsDuringFaults: codes.length,
            takenAfterRecoveryMs: forwardedAfterRecoveryMs,
            recoveryBoundMs,
            withForwardedEntry: delivered.filter((r) =>
              r!.history.some((h) => h.status === 'FORWARDED'),
            ).length,
            hotlineTickets: tickets.length,
            attemptsBeforeFailed: HOTLINE_ATTEMPTS,
            backoffMs: HOTLINE_BACKOFF_MS,
            retryAfterSeconds: HOTLINE_RETRY_AFTER_SECONDS,
          };
        } finally {
          await dispatch.close();
          redis.disconnect();
          await client.close();
        }
      } finally {
        await hotline('/_control/settings', {
          method: 'PUT',
          body: JSON.stringify({ down: false }),
        });
      }
    },
  );

  scenario(8)(
    '8. a Redis with an eviction policy other than noeviction: workers refuse to start, saying why',
    async () => {
      const evicting = await startRedis({
        port: await freePort(),
        dir: join(dataDir, 'evicting-redis'),
        persistent: false,
      });
      const admin = new Redis(evicting.url);
      try {
        await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
        for (const name of ['forum-worker', 'notifier']) {
          const app = stack.app(name);
          const proc = new ManagedProcess({
            name,
            command: process.execPath,
            args: entryArgs(app.file),
            cwd: workspaceRoot(),
            env: {
              ...app.env,
              REDIS_URL: evicting.url,
              OPS_PORT: String(await freePort()),
              PORT: String(await freePort()),
            },
            output: 'ignore',
          });
          let stderr = '';
          proc.child.stderr?.on('data', (c) => (stderr += String(c)));
          const code = await Promise.race([
            proc.exited,
            new Promise<'running'>((r) => setTimeout(() => r('running'), 120_000)),
          ]);
          if (code === 'running') await proc.stop();
          expect(code, `${name} exit code`).toBe(1);
          expect(stderr).toContain(
            'Redis maxmemory-policy is allkeys-lru, but queued jobs need noeviction',
          );
        }
        figures.evictionPolicy = { refused: ['forum-worker', 'notifier'], policy: 'allkeys-lru' };
      } finally {
        admin.disconnect();
        await evicting.process.stop();
      }
    },
  );
});
