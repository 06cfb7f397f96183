import { mkdtempSync, readFileSync, utimesSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import { createTransport } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { startFerretdb } from './ferretdb';
import { FETCH_BLOCKED_PORTS, localHttpPorts, localPorts } from '@portal/config';
import {
  claimPorts,
  freeOffset,
  freePort,
  freeStablePort,
  freeStackOffset,
  isPortOpen,
  stackOffsets,
} from './net';
import { startRedis } from './redis';
import { runProcess } from './run-process';
import { ensureS3Binary, startS3 } from './s3';
import { SmtpSink } from './smtp-sink';

/** The low end of the kernel's ephemeral range, read here rather than through net.ts's own reading. */
function ephemeralLow(): number {
  return Number(
    readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0],
  );
}

describe('local services', () => {
  it('lets one process only claim a port, all of a set or none, and frees claims ten minutes old', async () => {
    const [a, b] = [await freePort(), await freePort()];
    // freePort claimed them: nobody else gets them, as one port or in a set.
    expect(claimPorts([a])).toBe(false);
    expect(claimPorts([b])).toBe(false);
    const c = await freePort();
    expect([a, b]).not.toContain(c);
    // A set with one claimed port claims none of the others.
    const d = await freeStablePort();
    const spare = d + 1;
    expect(claimPorts([spare, a])).toBe(false);
    expect(claimPorts([spare])).toBe(true);
    // A claim older than ten minutes is taken over.
    const file = join(tmpdir(), 'portal-port-claims', String(a));
    const old = new Date(Date.now() - 11 * 60_000);
    utimesSync(file, old, old);
    expect(claimPorts([a])).toBe(true);
    expect(claimPorts([a])).toBe(false);
  });

  it('finds a port offset none of whose ports is listened on or claimed, and claims them', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const listened = (busy.address() as { port: number }).port;
    const claimed = await freePort();
    try {
      const portsAt = (offset: number) => [offset, offset + 1];
      // The first candidate is listened on, the second claimed: the third is found.
      const free = await freeStablePort();
      const found = await freeOffset([listened, claimed, free + 2], portsAt);
      expect(found).toBe(free + 2);
      expect(claimPorts([free + 3])).toBe(false);
      expect(await freeOffset([listened, claimed], portsAt)).toBeNull();
    } finally {
      await new Promise<void>((resolve) => busy.close(() => resolve()));
    }
  });

  it('picks stable ports below the ephemeral range that outgoing connections take theirs from', async () => {
    const low = ephemeralLow();
    const ports = await Promise.all(Array.from({ length: 20 }, () => freeStablePort()));
    for (const port of ports) {
      expect(port).toBeLessThan(low);
      expect(port).toBeGreaterThanOrEqual(low - 4000);
    }
    // Free indeed: a server binds it.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(ports[0], '127.0.0.1', resolve));
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('puts stacks at offsets whose ports all lie below the ephemeral range, claimed', async () => {
    const low = ephemeralLow();
    const offsets = stackOffsets();
    // Enough for the suite's stacks side by side (e2e, resilience, start test, benchmarks).
    expect(offsets.length).toBeGreaterThan(100);
    for (const offset of offsets) {
      for (const port of localPorts(offset)) {
        expect(port).toBeLessThan(low);
        expect(port).toBeGreaterThan(1024);
      }
      for (const port of Object.values(localHttpPorts(offset)))
        expect(FETCH_BLOCKED_PORTS.has(port)).toBe(false);
    }
    const [first, second] = [await freeStackOffset(), await freeStackOffset()];
    expect(offsets).toContain(first);
    // The first stack's ports are claimed: the second shares none of them.
    const taken = new Set(localPorts(first));
    expect(localPorts(second).filter((port) => taken.has(port))).toEqual([]);
    expect(claimPorts([localPorts(first)[0]!])).toBe(false);
  });

  it('builds and runs the embedded FerretDB, and stops it on SIGTERM', async () => {
    const port = await freePort();
    const db = await startFerretdb({ port, dir: mkdtempSync(join(tmpdir(), 'ferret-')) });
    try {
      const conn = await mongoose.createConnection(db.uri, { dbName: 'smoke' }).asPromise();
      await conn.collection('x').insertOne({ _id: 'hai', a: 1 } as never);
      expect(await conn.collection('x').countDocuments()).toBe(1);
      // The build's patch (infra/ferretdb/patches.json): a lookup by _id is an index search.
      const plan = await conn.db!.command({ explain: { find: 'x', filter: { _id: 'hai' } } });
      expect(JSON.stringify(plan.queryPlanner)).toMatch(/SEARCH .* USING INDEX .*_id_/);
      await conn.close();
    } finally {
      await db.process.stop();
    }
    expect(await isPortOpen(port)).toBe(false);
  }, 300_000);

  it('builds and runs the embedded S3 server: objects, ranges, listings, data kept across a restart', async () => {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 's3-'));
    const base = `http://127.0.0.1:${port}/thu-vien`;
    const body = Buffer.from('Tài liệu chuyển đổi số — bản thử nghiệm');
    let s3 = await startS3({ port, dir, buckets: ['thu-vien'] });
    try {
      expect(s3.endpoint).toBe(`http://127.0.0.1:${port}`);
      const put = await fetch(`${base}/ab/cd/tai-lieu`, { method: 'PUT', body });
      expect(put.status).toBe(200);
      const ranged = await fetch(`${base}/ab/cd/tai-lieu`, { headers: { range: 'bytes=0-9' } });
      expect(ranged.status).toBe(206);
      expect(Buffer.from(await ranged.arrayBuffer())).toEqual(body.subarray(0, 10));
      const listing = await (await fetch(`${base}?list-type=2&prefix=ab/`)).text();
      expect(listing).toContain('<Key>ab/cd/tai-lieu</Key>');
      expect((await fetch(`http://127.0.0.1:${port}/khong-co`)).status).toBe(404);
    } finally {
      await s3.process.stop();
    }
    expect(await s3.process.exited, s3.process.describe()).toBe(0);
    expect(await isPortOpen(port)).toBe(false);

    s3 = await startS3({ port, dir, buckets: ['thu-vien'] });
    try {
      const again = await fetch(`${base}/ab/cd/tai-lieu`);
      expect(Buffer.from(await again.arrayBuffer())).toEqual(body);
    } finally {
      await s3.process.stop();
    }
  }, 300_000);

  it('stops the S3 server when the process that started it dies', async () => {
    const port = await freePort();
    const binary = ensureS3Binary();
    // A parent that starts the server detached (so nothing else stops it) and exits at once.
    const parent = await runProcess(
      process.execPath,
      [
        '-e',
        `const { spawn } = require('node:child_process');
         const child = spawn(process.argv[1], ['-listen-addr', '127.0.0.1:' + process.argv[2], '-backend', 'memory', '-parent-pid', String(process.pid)], { detached: true, stdio: 'ignore' });
         child.unref();
         const net = require('node:net');
         const probe = () => net.connect(Number(process.argv[2]), '127.0.0.1').on('connect', () => process.exit(0)).on('error', () => setTimeout(probe, 50));
         probe();`,
        binary,
        String(port),
      ],
      { timeoutMs: 60_000 },
    );
    expect(parent.status).toBe(0);
    // The orphan notices its parent is gone and exits; an upper bound, not a timing check.
    const deadline = Date.now() + 30_000;
    while ((await isPortOpen(port)) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(await isPortOpen(port)).toBe(false);
  }, 120_000);

  it('runs redis-server with noeviction', async () => {
    const port = await freePort();
    const redis = await startRedis({
      port,
      dir: mkdtempSync(join(tmpdir(), 'redis-')),
      persistent: false,
    });
    const client = new Redis(redis.url);
    try {
      expect(await client.config('GET', 'maxmemory-policy')).toEqual([
        'maxmemory-policy',
        'noeviction',
      ]);
    } finally {
      client.disconnect();
      await redis.process.stop();
    }
  });

  it('receives mail over SMTP and serves it back over HTTP', async () => {
    const sink = await new SmtpSink().start({ httpPort: 0 });
    try {
      await createTransport(sink.smtpUrl).sendMail({
        from: 'Cổng CĐS <no-reply@cds.hochiminhcity.gov.vn>',
        to: 'lanh.dao@so-khcn.hochiminhcity.gov.vn',
        subject: 'Bản tin Chuyển đổi số tháng 11',
        text: 'Xin chào',
        html: '<p>Xin chào</p>',
      });
      const [message] = await sink.waitFor(1);
      expect(message).toMatchObject({
        subject: 'Bản tin Chuyển đổi số tháng 11',
        to: ['lanh.dao@so-khcn.hochiminhcity.gov.vn'],
      });
      expect(message!.text.trim()).toBe('Xin chào');
      expect(message!.html).toContain('<p>Xin chào</p>');
      const res = await fetch(`http://127.0.0.1:${sink.httpPort}/messages`);
      expect(((await res.json()) as unknown[]).length).toBe(1);
    } finally {
      await sink.stop();
    }
  });
});
