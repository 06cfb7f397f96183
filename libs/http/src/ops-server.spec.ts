import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentRequestContext } from '@portal/logger';
import { requestIdMiddleware } from './ops-server';

describe('the request context of requestIdMiddleware', () => {
  // Each route reports what its request's signal said, when the route chose to look.
  const seen = new Map<string, boolean>();
  let server: Server;
  let base = '';
  beforeAll(async () => {
    const app = express()
      .use(requestIdMiddleware)
      .get('/answer', (_req, res) => {
        const signal = currentRequestContext()!.signal!;
        res.json({ ok: true });
        res.once('close', () => seen.set('answer', signal.aborted));
      })
      .get('/looks-first', (_req, res) => {
        const signal = currentRequestContext()!.signal!;
        res.once('close', () => setImmediate(() => seen.set('looks-first', signal.aborted)));
      })
      .get('/looks-late', (_req, res) => {
        const context = currentRequestContext()!;
        res.once('close', () =>
          setImmediate(() => seen.set('looks-late', context.signal!.aborted)),
        );
      });
    server = createServer(app).listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((r) => server.close(() => r()));
  });

  const until = async (name: string) => {
    while (!seen.has(name)) await new Promise((r) => setTimeout(r, 10));
    return seen.get(name);
  };
  const abandon = async (path: string) => {
    const caller = new AbortController();
    const answer = fetch(`${base}${path}`, { signal: caller.signal });
    setTimeout(() => caller.abort(), 100);
    await expect(answer).rejects.toThrow();
  };

  it('is not aborted for a request that was answered', async () => {
    expect((await fetch(`${base}/answer`)).status).toBe(200);
    expect(await until('answer')).toBe(false);
  });

  it('aborts when the caller goes away before the answer', async () => {
    await abandon('/looks-first');
    expect(await until('looks-first')).toBe(true);
  });

  it('is aborted at once when first asked for after the caller went away', async () => {
    await abandon('/looks-late');
    expect(await until('looks-late')).toBe(true);
  });
});
