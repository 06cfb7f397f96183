// When the gateway gives up on a subgraph (its timeout passed or its client went away), the
// subgraph's database work must stop too: every read carries maxTimeMS, bounded by what is
// left of the request's time, and no read starts once the request was abandoned.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import mongoose, { Schema, type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_TIMEOUT_HEADER } from '@portal/auth';
import { requestIdMiddleware } from '@portal/http';
import { runWithRequestContext } from '@portal/logger';
import { useTestDatabase } from '@portal/testing';
import { DEFAULT_MAX_TIME_MS, RequestAbandonedError } from '../src';

const db = useTestDatabase('db-budget');
let conn: Connection;
const commands: { name: string; maxTimeMS?: number }[] = [];

beforeAll(async () => {
  // Its own connection, with command monitoring, on the file's test database.
  conn = await mongoose
    .createConnection(db.uri, { dbName: db.dbName, monitorCommands: true })
    .asPromise();
  const client = conn.getClient();
  client.on('commandStarted', (e) => {
    if (['find', 'aggregate', 'count', 'distinct'].includes(e.commandName))
      commands.push({ name: e.commandName, maxTimeMS: e.command.maxTimeMS as number | undefined });
  });
  const Note = conn.model('Note', new Schema({ n: Number }));
  await Note.insertMany(Array.from({ length: 20 }, (_, n) => ({ n })));
});
afterAll(() => conn.close());

describe('query budget', () => {
  it('puts maxTimeMS on every read, the server accepting it', async () => {
    const Note = conn.model('Note');
    commands.length = 0;
    expect(await Note.find({ n: { $lt: 5 } }).lean()).toHaveLength(5);
    expect(await Note.findOne({ n: 3 }).lean()).toMatchObject({ n: 3 });
    expect(await Note.countDocuments({})).toBe(20);
    expect(await Note.aggregate([{ $match: { n: { $gte: 10 } } }, { $count: 'c' }])).toEqual([
      { c: 10 },
    ]);
    expect(commands.length).toBeGreaterThanOrEqual(4);
    for (const c of commands) expect(c.maxTimeMS, c.name).toBe(DEFAULT_MAX_TIME_MS);
    // distinct runs without maxTimeMS, which FerretDB 1.x refuses on that command.
    expect((await Note.distinct('n', { n: { $lt: 3 } })).sort()).toEqual([0, 1, 2]);
    // A query's own, shorter bound is kept.
    commands.length = 0;
    await Note.find({}).maxTimeMS(500).lean();
    expect(commands[0]?.maxTimeMS).toBe(500);
  });

  it('bounds reads by the time left of the request, and refuses them once it is abandoned', async () => {
    const Note = conn.model('Note');
    commands.length = 0;
    await runWithRequestContext({ requestId: 'r-budget-1', deadline: Date.now() + 700 }, () =>
      Note.find({}).lean().exec(),
    );
    expect(commands[0]!.maxTimeMS).toBeGreaterThan(0);
    expect(commands[0]!.maxTimeMS).toBeLessThanOrEqual(700);
    const gone = new AbortController();
    gone.abort();
    await expect(
      runWithRequestContext({ requestId: 'r-budget-2', signal: gone.signal }, () =>
        Note.find({}).lean().exec(),
      ),
    ).rejects.toBeInstanceOf(RequestAbandonedError);
    await expect(
      runWithRequestContext({ requestId: 'r-budget-3', deadline: Date.now() - 1 }, () =>
        Note.aggregate([{ $match: {} }]).exec(),
      ),
    ).rejects.toBeInstanceOf(RequestAbandonedError);
  });
});

describe('a read the server stops at its maxTimeMS', () => {
  it('is the request abandoned when the request’s time was the bound, the server’s error otherwise', async () => {
    // Enough documents that a scan takes the server longer than a few milliseconds.
    const Big = conn.model('Big', new Schema({ s: String }));
    await Big.insertMany(Array.from({ length: 20_000 }, (_, i) => ({ s: `ghi chú số ${i}` })));
    const scan = () => Big.find({ s: /không có$/ }).lean();

    // A bound of its own with time left (or no request at all): the server's error stays.
    await expect(scan().maxTimeMS(1).exec()).rejects.toMatchObject({ code: 50 });
    await expect(
      runWithRequestContext({ requestId: 'r-own-bound', deadline: Date.now() + 5000 }, () =>
        scan().maxTimeMS(1).exec(),
      ),
    ).rejects.toMatchObject({ code: 50 });

    // The request's deadline was the bound: abandoned, like a read refused before it starts.
    // (On a busy machine the deadline may pass before the read is sent: tried again then.)
    for (let attempt = 1; ; attempt++) {
      commands.length = 0;
      const outcome = await runWithRequestContext(
        { requestId: `r-deadline-${attempt}`, deadline: Date.now() + 3 },
        () => scan().exec(),
      ).then(
        () => 'answered',
        (err: unknown) => err,
      );
      if (commands.length > 0) {
        expect(outcome).toBeInstanceOf(RequestAbandonedError);
        break;
      }
      expect(outcome).toBeInstanceOf(RequestAbandonedError);
      if (attempt >= 20) throw new Error('no read was sent within 3 ms in 20 tries');
    }
  });
});

describe('a service whose caller gives up', () => {
  // A handler that keeps reading (as a deep query's resolvers do) until told to stop.
  let url = '';
  const reads = { started: 0, afterClose: 0, closedAt: 0, finished: Promise.resolve() };
  const server = createServer(
    express()
      .use(requestIdMiddleware)
      .get('/work', (req, res) => {
        const Note = conn.model('Note');
        reads.started = 0;
        reads.afterClose = 0;
        reads.closedAt = 0;
        res.once('close', () => (reads.closedAt = Date.now()));
        reads.finished = (async () => {
          try {
            for (let i = 0; i < 2000; i++) {
              await Note.find({ n: i % 20 }).lean();
              reads.started++;
              if (reads.closedAt) reads.afterClose++;
            }
            res.json({ ok: true });
          } catch (err) {
            if (!(err instanceof RequestAbandonedError)) throw err;
            if (!res.headersSent) res.status(503).end();
          }
        })();
      }),
  );
  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/work`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('stops reading when the caller goes away', async () => {
    await expect(fetch(url, { signal: AbortSignal.timeout(400) })).rejects.toThrow();
    await reads.finished;
    expect(reads.started).toBeGreaterThan(0);
    // At most the read in flight when the connection closed.
    expect(reads.afterClose).toBeLessThanOrEqual(1);
    expect(reads.started).toBeLessThan(2000);
  });

  it('stops reading when the time the caller said it would wait has passed', async () => {
    const started = Date.now();
    const res = await fetch(url, { headers: { [REQUEST_TIMEOUT_HEADER]: '400' } });
    await reads.finished;
    expect(res.status).toBe(503);
    expect(reads.started).toBeGreaterThan(0);
    expect(reads.started).toBeLessThan(2000);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
