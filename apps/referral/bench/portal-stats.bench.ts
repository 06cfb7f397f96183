// Benchmarks the referral part of portalStats (issue 21): `_entities` on PortalStats with the
// `referrals` field, as the gateway asks for it, over a rolling year of referrals and their
// hand-over events, on the service's own FerretDB (or MONGODB_URI). Target: 100 ms p50.
// The records are inserted directly, so the subgraph's start-up backfill counts them (timed).
// Each run asks the day counts (through the graph) and then, interleaved, computes the same
// figures from every record (the path before the counts, in-process), and checks they agree.
// Run: npx tsx apps/referral/bench/portal-stats.bench.ts [--referrals 10000] [--runs 10]
import { signInternalToken } from '@portal/auth';
import { portalStatsKey } from '@portal/db';
import {
  BENCH_EDITOR,
  benchSizes,
  percentile,
  reportBenchmark,
  rollingYear,
  spreadEvenly,
} from '@portal/testing/bench';
import { HOTLINE_CATEGORIES } from '@portal/reference-data';
import {
  BENCH_SECRET as SECRET,
  benchReferral,
  benchReferralDatabase,
  startBenchReferral,
} from './bench-server';

const { referrals: total, runs } = benchSizes({ referrals: 10000, runs: 10 });
const HOUR = 3_600_000;
const say = (line: string) => process.stdout.write(`${line}\n`);

const { services, logger, conn, models } = await benchReferralDatabase(
  'referral-portal-stats',
  'referral_stats_bench',
);

// A year of referrals, evenly spread; 80 % resolved, 10 % rejected, 10 % still open; each
// with its FORWARDED event and (when closed) its closing event.
const now = Date.now();
const year = rollingYear(now);
const referrals = [];
const events = [];
for (let i = 0; i < total; i++) {
  const category = HOTLINE_CATEGORIES[i % HOTLINE_CATEGORIES.length]!;
  const createdAt = spreadEvenly(year, i, total);
  const fate = i % 10;
  const status = fate < 8 ? 'RESOLVED' : fate === 8 ? 'REJECTED' : 'FORWARDED';
  const closedAt =
    status === 'FORWARDED' ? null : new Date(createdAt.getTime() + ((i % 60) + 1) * HOUR);
  const referral = benchReferral(i, { ...category, _id: category.code }, createdAt, {
    status,
    closedAt,
    version: closedAt ? 3 : 2,
    updatedAt: closedAt ?? createdAt,
  });
  referrals.push(referral);
  const { _id } = referral;
  const event = (seq: number, s: string, at: Date, patch: Record<string, unknown>) => ({
    _id: `${_id.toHexString()}.${seq}`,
    referralId: _id.toHexString(),
    seq,
    kind: 'STATUS',
    status: s,
    note: null,
    by: { kind: 'SYSTEM', id: null, name: 'Hệ thống' },
    at,
    patch,
    effects: [],
    effectsQueuedAt: at,
  });
  events.push(
    event(2, 'FORWARDED', new Date(createdAt.getTime() + 60_000), { hotlineTicketId: `1022-${i}` }),
  );
  if (closedAt) events.push(event(3, status, closedAt, { status, closedAt }));
}
for (let i = 0; i < referrals.length; i += 500)
  await models.Referral.insertMany(referrals.slice(i, i + 500));
for (let i = 0; i < events.length; i += 500)
  await models.ReferralEvent.insertMany(events.slice(i, i + 500));
say(`${referrals.length} referrals, ${events.length} events over a year`);

const startedAt = performance.now();
const server = await startBenchReferral(conn, services.redisUrl, logger);
say(`start-up with the backfill: ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
const editor = BENCH_EDITOR;
const token = await signInternalToken(editor, SECRET, { audience: 'referral', ttlSeconds: 3600 });
const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on PortalStats { referrals {
  received forwarded resolved rejected closed closedWithinSla overdue slaMetShare medianHoursToResolution
  series { from to received forwarded resolved rejected }
  byAgency { agency closed closedWithinSla overdue slaMetShare medianHoursToResolution }
  byCategory { categoryCode categoryName closed closedWithinSla overdue slaMetShare medianHoursToResolution }
} } } }`;

for (const granularity of ['MONTH', 'WEEK'] as const) {
  const period = { ...year, granularity };
  const id = portalStatsKey(period);
  const times: number[] = [];
  const recordTimes: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const started = performance.now();
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-portal-viewer': token },
      body: JSON.stringify({ query: QUERY, variables: { r: [{ __typename: 'PortalStats', id }] } }),
    });
    const body = (await res.json()) as {
      data?: { _entities: { referrals: { received: number } }[] };
      errors?: unknown;
    };
    const elapsed = performance.now() - started;
    if (body.errors || body.data?._entities[0]?.referrals.received === undefined)
      throw new Error(`query failed: ${JSON.stringify(body.errors)}`);
    const recordsStarted = performance.now();
    const fromRecords = await server.stats.referralsFromRecords(period);
    const recordsElapsed = performance.now() - recordsStarted;
    if (i === 0) {
      // The first run warms the connection pool; its answers are compared.
      const fromCounts = await server.stats.referrals(editor, period);
      if (JSON.stringify(fromCounts) !== JSON.stringify(fromRecords))
        throw new Error('the day counts and the records disagree');
      say(
        `by ${granularity.toLowerCase()}: day counts and records agree (${fromCounts.received} received)`,
      );
      continue;
    }
    times.push(elapsed);
    recordTimes.push(recordsElapsed);
  }
  const p50 = percentile(times, 50);
  const before = percentile(recordTimes, 50);
  say(
    `referrals part, rolling year, by ${granularity.toLowerCase()}: day counts p50 ${p50.toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms; ` +
      `every record (before) p50 ${before.toFixed(1)} ms, p95 ${percentile(recordTimes, 95).toFixed(1)} ms; ratio ${(before / p50).toFixed(0)}x`,
  );
  reportBenchmark({
    name: `portalStats referrals part, rolling year, by ${granularity.toLowerCase()} (p50)`,
    value: Math.round(p50 * 10) / 10,
    unit: 'ms',
    target: 100,
    better: 'lower',
    detail: `${total} referrals, ${events.length} events, ${runs} runs`,
  });
}

await server.close();
await conn.close();
await services.stop();
