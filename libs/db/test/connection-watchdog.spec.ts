import type { Connection } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { waitUntil } from '@portal/testing';
import { pingDatabase, watchConnection } from '../src';
import { fails, restartableDatabase } from './support/restartable-database';

/**
 * Makes the connection's driver stop checking its server, as a monitor whose check never
 * called back would: the monitor's interval is marked busy and its timer cleared, so neither
 * its heartbeat nor an operation's request for a check (`wake`) runs one again. Driver
 * internals (mongodb 6): the way to produce the wedge on purpose.
 */
function wedgeMonitor(conn: Connection): void {
  const client = conn.getClient() as unknown as {
    topology: {
      s: {
        servers: Map<
          string,
          { monitor: { monitorId: { isExecutionInProgress: boolean; timerId?: NodeJS.Timeout } } }
        >;
      };
    };
  };
  const servers = [...client.topology.s.servers.values()];
  expect(servers.length).toBeGreaterThan(0);
  for (const { monitor } of servers) {
    clearTimeout(monitor.monitorId.timerId);
    monitor.monitorId.timerId = undefined;
    monitor.monitorId.isExecutionInProgress = true;
  }
}

describe('a connection whose driver stops finding its database', () => {
  it('stays lost on its own once the server is back, and the watchdog reopens it', async () => {
    const db = await restartableDatabase('wedge');
    const { conn, Note } = db;
    const lines: { level: string; msg: string; data: Record<string, unknown> }[] = [];
    const record = (level: string) => (data: Record<string, unknown> | string, msg?: string) =>
      void lines.push(
        typeof data === 'string' ? { level, msg: data, data: {} } : { level, msg: msg!, data },
      );
    const logger = {
      error: record('error'),
      warn: record('warn'),
      info: record('info'),
    } as unknown as Parameters<typeof watchConnection>[1]['logger'];
    let watchdog: ReturnType<typeof watchConnection> | undefined;
    try {
      await Note.create({ text: 'trước' });
      wedgeMonitor(conn);
      await db.stop();
      // An operation meets the closed connection: the server is marked unknown.
      expect(await fails(Note.findOne().exec())).toBe(true);
      await db.restart();

      // The wedge is real: with the server back, pings fail for longer than the driver's idle
      // heartbeat (10 s) would take to find it.
      const lostUntil = Date.now() + 12_000;
      while (Date.now() < lostUntil) expect(await fails(pingDatabase(conn))).toBe(true);

      watchdog = watchConnection(conn, {
        uri: db.uri,
        dbName: db.dbName,
        logger,
        checkEveryMs: 500,
        stuckAfterMs: 2000,
      });
      await waitUntil(async () => !(await fails(pingDatabase(conn))), {
        what: 'the watchdog to reopen the connection',
        timeoutMs: 60_000,
        intervalMs: 250,
      });
      expect(watchdog.reopened).toBe(1);
      const reopening = lines.find((l) => l.level === 'error');
      expect(reopening?.msg).toBe(
        'database answers a new client but not this connection; reopening it',
      );
      // The log says what the driver thought: the server unknown, its monitor busy.
      expect(reopening?.data.driver).toEqual([
        expect.objectContaining({
          type: 'Unknown',
          monitor: expect.objectContaining({ stopped: false, timerId: 'cleared' }),
        }),
      ]);
      // The models stay bound to the reopened connection: their data is there, writes work.
      await Note.create({ text: 'sau' });
      expect((await Note.find().sort({ _id: 1 }).lean()).map((n) => n.text)).toEqual([
        'trước',
        'sau',
      ]);
    } finally {
      await watchdog?.stop();
      await db.close();
    }
  }, 180_000);

  it('leaves a server that is really away to the driver, and a healthy connection alone', async () => {
    const db = await restartableDatabase('away_watched');
    const { conn, Note } = db;
    const watchdog = watchConnection(conn, {
      uri: db.uri,
      dbName: db.dbName,
      checkEveryMs: 300,
      stuckAfterMs: 1000,
    });
    try {
      await Note.create({ text: 'trước' });
      await db.stop();
      // Away for several times the watchdog's patience: no new client answers, nothing reopened.
      const awayUntil = Date.now() + 6000;
      while (Date.now() < awayUntil) expect(await fails(pingDatabase(conn))).toBe(true);
      expect(watchdog.reopened).toBe(0);
      await db.restart();
      await waitUntil(async () => !(await fails(pingDatabase(conn))), {
        what: 'the driver to find the database back',
        timeoutMs: 60_000,
        intervalMs: 250,
      });
      // Found by the driver itself, well within the watchdog's time.
      await new Promise((r) => setTimeout(r, 1500));
      expect(await Note.countDocuments()).toBe(1);
      expect(watchdog.reopened).toBe(0);
    } finally {
      await watchdog.stop();
      await db.close();
    }
  }, 180_000);
});
