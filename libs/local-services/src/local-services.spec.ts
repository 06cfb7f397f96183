import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import { createTransport } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { startFerretdb } from './ferretdb';
import { freePort, isPortOpen } from './net';
import { startRedis } from './redis';
import { SmtpSink } from './smtp-sink';

describe('local services', () => {
  it('builds and runs the embedded FerretDB, and stops it on SIGTERM', async () => {
    const port = await freePort();
    const db = await startFerretdb({ port, dir: mkdtempSync(join(tmpdir(), 'ferret-')) });
    try {
      const conn = await mongoose.createConnection(db.uri, { dbName: 'smoke' }).asPromise();
      await conn.collection('x').insertOne({ a: 1 });
      expect(await conn.collection('x').countDocuments()).toBe(1);
      await conn.close();
    } finally {
      await db.process.stop();
    }
    expect(await isPortOpen(port)).toBe(false);
  }, 300_000);

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
