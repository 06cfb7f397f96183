// The real subgraphs, each its own process as production runs it (`apps/<name>/src/main.ts`),
// with a database and queue prefix of their own on the test FerretDB/MongoDB and Redis, and
// the supergraph composed from their schema files as `npm run compose` does. For the gateway's
// tests of federation; the fixture subgraphs stay for unit-level cases.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import type { SubgraphName } from '@portal/config';
import { freePort, waitForHttp, workspaceRoot } from '@portal/local-services';
import { composeSupergraph } from '@portal/supergraph';
import {
  spawnApp,
  testServices,
  timeoutForProcesses,
  uniqueName,
  TEST_INTERNAL_SECRET,
  type SpawnedApp,
} from '@portal/testing';

export interface RealSubgraphs {
  supergraphSdl: string;
  /** Base URLs (no path) by name, as the gateway's config takes them. */
  urls: Record<string, string>;
  /** Stops one subgraph's process (it stays stopped). */
  stop(name: SubgraphName): Promise<void>;
  close(): Promise<void>;
}

/** What each subgraph needs besides the common settings. */
function ownSettings(
  name: string,
  urls: Record<string, string>,
  dir: string,
): Record<string, string> {
  switch (name) {
    case 'library':
      return { DATA_DIR: dir, LIBRARY_FILES_DIR: join(dir, 'library-files') };
    case 'bulletin':
      return {
        DATA_DIR: dir,
        CONTENT_URL: urls.content!,
        SUBSCRIPTION_TOKEN_SECRET: 'gateway-federation-subscription-secret-0123',
      };
    case 'referral':
      return {
        // No hotline is called: referrals are dispatched by the worker, which does not run here.
        HOTLINE_URL: 'http://127.0.0.1:9',
        HOTLINE_API_KEY: 'gateway-federation-hotline-key',
        HOTLINE_CALLBACK_SECRET: 'gateway-federation-hotline-callback-0123456789',
      };
    default:
      return {};
  }
}

/** Starts every subgraph of the workspace (all at once) and composes their supergraph. */
export async function startRealSubgraphs(label: string): Promise<RealSubgraphs> {
  const root = workspaceRoot();
  const composed = composeSupergraph(root);
  if (!composed.ok) throw new Error(`composition failed:\n${composed.errors.join('\n')}`);
  const present = composed.subgraphs.map((s) => s.name);
  const { mongoUri, redisUrl } = testServices();
  const dir = mkdtempSync(join(tmpdir(), 'gw-real-'));
  const prefix = uniqueName(label);
  const urls: Record<string, string> = {};
  for (const name of present) urls[name] = `http://127.0.0.1:${await freePort()}`;
  const apps = new Map<string, SpawnedApp>();
  const close = async () => {
    await Promise.all([...apps.values()].map((app) => app.stop()));
    rmSync(dir, { recursive: true, force: true });
    const conn = await mongoose.createConnection(mongoUri).asPromise();
    try {
      for (const name of present) await conn.useDb(`${prefix}_${name}`).dropDatabase();
    } finally {
      await conn.close();
    }
  };
  try {
    for (const name of present)
      apps.set(
        name,
        await spawnApp(name, 'main', {
          HOST: '127.0.0.1',
          PORT: new URL(urls[name]!).port,
          MONGODB_URI: mongoUri,
          MONGODB_DB: `${prefix}_${name}`,
          REDIS_URL: redisUrl,
          QUEUE_PREFIX: prefix,
          INTERNAL_TOKEN_SECRET: TEST_INTERNAL_SECRET,
          PUBLIC_BASE_URL: 'https://cds.hochiminhcity.gov.vn',
          ...ownSettings(name, urls, dir),
        }),
      );
    // They start side by side, so each may take as long as all of them one after another.
    await Promise.all(
      present.map((name) =>
        waitForHttp(`${urls[name]}/healthz`, {
          timeoutMs: timeoutForProcesses(present.length, 0),
          isAlive: () => apps.get(name)!.process.running,
        }),
      ),
    );
  } catch (err) {
    await close();
    throw err;
  }
  return {
    supergraphSdl: composed.supergraphSdl,
    urls,
    async stop(name) {
      await apps.get(name)?.stop();
    },
    close,
  };
}
