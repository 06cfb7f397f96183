import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Schema, type Connection, type Model } from 'mongoose';
import { freePort, startFerretdb } from '@portal/local-services';
import { connectDatabase } from '../../src';

export interface RestartableDatabase {
  uri: string;
  dbName: string;
  /** A service's connection to it (connectDatabase), with one model. */
  conn: Connection;
  Note: Model<{ text?: string | null }>;
  /** Stops the server (the process exits; its data stays). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  restart(): Promise<void>;
  /** Closes the connection and stops the server. */
  close(): Promise<void>;
}

/** An embedded FerretDB of the test's own that it can stop and start again, and a connection to it. */
export async function restartableDatabase(dbName: string): Promise<RestartableDatabase> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), `${dbName}-`));
  let db = await startFerretdb({ port, dir });
  const conn = await connectDatabase({ uri: db.uri, dbName });
  return {
    uri: db.uri,
    dbName,
    conn,
    Note: conn.model('Note', new Schema({ text: String })),
    stop: () => db.process.stop(),
    restart: async () => {
      db = await startFerretdb({ port, dir });
    },
    close: async () => {
      await conn.close().catch(() => {});
      await db.process.stop();
    },
  };
}

/** Whether `p` rejects. */
export const fails = (p: Promise<unknown>): Promise<boolean> =>
  p.then(
    () => false,
    () => true,
  );
