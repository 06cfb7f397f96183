import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PORTS } from '@portal/config';
import {
  contractOperation,
  freeStackOffset,
  isPortOpen,
  startPortalStack,
  workspaceRoot,
} from '@portal/local-services';
import { gql } from '@portal/testing';

interface ProcessId {
  pid: number;
  /** Start time in clock ticks since boot: tells a process apart from a later one that reuses its pid. */
  startTicks: string;
}

function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** Every live process whose parent chain leads to `root`. */
function descendants(root: number): ProcessId[] {
  const parents = new Map<number, { ppid: number; startTicks: string }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    // fields[1] is the parent pid, fields[19] the start time (stat fields 4 and 22).
    if (fields) parents.set(Number(entry), { ppid: Number(fields[1]), startTicks: fields[19]! });
  }
  const found: ProcessId[] = [];
  const walk = (p: number) => {
    for (const [child, info] of parents) {
      if (info.ppid !== p) continue;
      found.push({ pid: child, startTicks: info.startTicks });
      walk(child);
    }
  };
  walk(root);
  return found;
}

/** Still running, and still the same process (not a new one that got its pid). */
function stillRunning(proc: ProcessId): boolean {
  const fields = statFields(proc.pid);
  return fields !== null && fields[19] === proc.startTicks && fields[0] !== 'Z';
}

function describeProcess(proc: ProcessId): string {
  try {
    return `${proc.pid} ${readFileSync(`/proc/${proc.pid}/cmdline`, 'utf8').split('\0').join(' ').slice(0, 160)}`;
  } catch {
    return `${proc.pid} (gone)`;
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'portal-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface RunningStack {
  child: ChildProcess;
  offset: number;
  graphUrl: string;
  /** Every line the stack printed (LOG_LEVEL=warn: its warnings and errors), for a failed check. */
  output: string[];
}

/** Runs `npm start` (start.ts) with its own ports and data folder, until the graph is ready. */
async function startStack(dir: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<RunningStack> {
  // TEST_STACK_PORT_OFFSET pins the ports (a shared machine where each person has a range).
  const offset = Number(process.env.TEST_STACK_PORT_OFFSET) || (await freeStackOffset());
  // No PORTAL_APP_BUNDLES: `npm start` bundles the apps itself, as a person runs it.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT_OFFSET: String(offset),
    DATA_DIR: dir,
    LOG_LEVEL: 'warn',
    // Every app of the stack starts at once: on a busy machine one may need minutes (as the
    // e2e stack allows).
    START_TIMEOUT_MS: '300000',
    // The first queries meet cold services on a machine the rest of the suite keeps busy; the
    // gateway's 10 s production bound on a subgraph answer is not what this file tests
    // (gateway and resilience tests do), and a timeout here said nothing of the start-up.
    SUBGRAPH_TIMEOUT_MS: '60000',
    ...extraEnv,
  };
  const { child, graphUrl, output } = await startPortalStack(env, {
    exitedEarly: 'npm start exited early',
    tailLines: 40,
  });
  return { child, offset, graphUrl, output };
}

/**
 * SIGTERM to the supervisor, and more signals while it stops (npm passes a SIGTERM on and the
 * sender's own arrives too; a person presses Ctrl-C again): every process it started must be
 * gone and every port closed. A second signal once made it exit at once, leaving every app
 * running.
 */
async function stopStack(stack: RunningStack, portNames: (keyof typeof DEFAULT_PORTS)[]) {
  const started = descendants(stack.child.pid!);
  expect(started.length).toBeGreaterThan(8);
  const ports = portNames.map((name) => DEFAULT_PORTS[name] + stack.offset);
  const exited = new Promise<number | null>((resolve) =>
    stack.child.once('exit', (code) => resolve(code)),
  );
  stack.child.kill('SIGTERM');
  await vi.waitFor(
    () => expect(stack.output.some((line) => line.includes('stopping every process'))).toBe(true),
    { timeout: 30_000, interval: 50 },
  );
  stack.child.kill('SIGTERM');
  stack.child.kill('SIGINT');
  // A generous bound: the supervisor escalates to SIGKILL after 8 s by construction.
  const code = await Promise.race([
    exited,
    new Promise<'hung'>((r) => setTimeout(() => r('hung'), 30_000)),
  ]);
  expect(code).toBe(0);
  expect(started.filter(stillRunning).map(describeProcess)).toEqual([]);
  for (const port of ports) expect(await isPortOpen(port)).toBe(false);
}

/** After a failed check: stops the stack (SIGTERM to the supervisor) so it does not outlive the test. */
async function abandonStack(stack: RunningStack): Promise<void> {
  if (stack.child.exitCode !== null) return;
  const exited = new Promise((resolve) => stack.child.once('exit', resolve));
  stack.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
}

describe('npm start', () => {
  it('refuses a PORT_OFFSET that puts an HTTP port on the fetch blocked-port list, before starting anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-start-blocked-'));
    try {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(workspaceRoot(), 'tools/dev-services/src/start.ts')],
        {
          cwd: workspaceRoot(),
          env: {
            PATH: process.env.PATH,
            HOME: process.env.HOME,
            PORT_OFFSET: '2000',
            DATA_DIR: dir,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((r) => child.once('exit', r));
      expect(code).toBe(1);
      expect(stderr).toContain('PORT_OFFSET=2000 puts gateway on 6000');
      // Nothing was started: no FerretDB or Redis data, no port open.
      expect(readdirSync(dir)).toEqual([]);
      expect(await isPortOpen(DEFAULT_PORTS.ferretdb + 2000)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  // One stack for both (a whole stack is the costliest thing a test starts): npm start's
  // default storage, the data folder, is what the end-to-end suite's stack runs on.
  it('brings up the whole system with demo data, the library in the embedded S3 server (LIBRARY_STORAGE=s3, no S3_ENDPOINT), then stops every process on SIGTERM', async () => {
    const stack = await startStack(dataDir, { LIBRARY_STORAGE: 's3' });
    try {
      await checkSeededStack(stack);
      await checkLibraryInS3(stack, dataDir);
    } catch (err) {
      await abandonStack(stack);
      // What the services logged tells why the graph answered with an error.
      console.error(`npm start printed:\n${stack.output.slice(-80).join('\n')}`);
      throw err;
    }
    await stopStack(stack, ['gateway', 'content', 'library', 'ferretdb', 'redis', 'smtp', 's3']);
  }, 600_000);

  async function checkSeededStack(stack: RunningStack): Promise<void> {
    const gatewayPort = DEFAULT_PORTS.gateway + stack.offset;
    expect(stack.graphUrl).toBe(`http://localhost:${gatewayPort}/graphql`);

    // The graph answers with seeded data from every subgraph.
    const home = await gql(
      `http://127.0.0.1:${gatewayPort}/graphql`,
      contractOperation('HomePage'),
    );
    expect(home.errors, JSON.stringify(home.errors)).toBeUndefined();
    expect(home.data?.articles.nodes.length).toBeGreaterThan(0);
    expect(home.data?.threads.nodes.length).toBeGreaterThan(0);
    expect(home.data?.libraryItems.nodes.length).toBeGreaterThan(0);
    expect(home.data?.latestBulletinIssue).not.toBeNull();

    // The assistant was seeded on this fresh start: the catalog synced from the open-data
    // simulator, with the rows of its CSV kept for count questions.
    const ask = async (question: string) => {
      const res = await gql(`http://127.0.0.1:${gatewayPort}/graphql`, contractOperation('Ask'), {
        variables: { question },
      });
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(res.data?.ask.status, `${question}: ${JSON.stringify(res.data?.ask)}`).toBe(
        'ANSWERED',
      );
      return res.data!.ask as {
        citations: { kind: string; sourceId: string; title: string; link: string }[];
        table: { count: number } | null;
      };
    };
    const wifi = await ask('Có bao nhiêu điểm Wi-Fi công cộng ở Quận 1?');
    expect(wifi.citations).toContainEqual(
      expect.objectContaining({ kind: 'RESOURCE', sourceId: 'res-wifi-csv' }),
    );
    expect(wifi.table!.count).toBeGreaterThan(0);
  }

  async function checkLibraryInS3(stack: RunningStack, dir: string): Promise<void> {
    const gatewayPort = DEFAULT_PORTS.gateway + stack.offset;
    const res = await gql(
      `http://127.0.0.1:${gatewayPort}/graphql`,
      '{ libraryItems(first: 20) { nodes { files { url sha256 sizeBytes } } } }',
    );
    expect(res.errors).toBeUndefined();
    const files = (
      res.data!.libraryItems.nodes as { files: { url: string; sha256: string }[] }[]
    ).flatMap((n) => n.files);
    expect(files.length).toBeGreaterThan(0);
    // The seed's files went to the bucket, and come back through the gateway in ranges.
    const objects = readdirSync(join(dir, 's3', 'buckets', 'portal-library'), {
      recursive: true,
    }).map(String);
    expect(objects).toContain(
      join(files[0]!.sha256.slice(0, 2), files[0]!.sha256.slice(2, 4), files[0]!.sha256),
    );
    const ranged = await fetch(files[0]!.url.replace('localhost', '127.0.0.1'), {
      headers: { range: 'bytes=0-7' },
    });
    expect(ranged.status).toBe(206);
    expect((await ranged.arrayBuffer()).byteLength).toBe(8);
  }
});
