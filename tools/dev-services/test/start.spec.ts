import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Kind, parse, print } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PORTS } from '@portal/config';
import { isPortOpen, workspaceRoot } from '@portal/local-services';
import { gql } from '@portal/testing';

/** Every live process whose parent chain leads to `pid`. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of parents) {
      if (parent !== p) continue;
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'portal-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm start', () => {
  it('brings up the whole system with demo data, then stops every process on SIGTERM', async () => {
    const offset = 20_000 + Math.floor(Math.random() * 40) * 100;
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT_OFFSET: String(offset),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    };
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(workspaceRoot(), 'tools/dev-services/src/start.ts')],
      {
        cwd: workspaceRoot(),
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const output: string[] = [];
    const ready = new Promise<string>((resolve, reject) => {
      for (const stream of [child.stdout!, child.stderr!]) {
        createInterface({ input: stream }).on('line', (line) => {
          output.push(line);
          const match = /Portal graph ready at (http:\/\/\S+)/.exec(line);
          if (match) resolve(match[1]!);
        });
      }
      child.once('exit', (code) =>
        reject(new Error(`npm start exited early (${code}):\n${output.slice(-40).join('\n')}`)),
      );
    });
    const graphUrl = await ready;
    const gatewayPort = DEFAULT_PORTS.gateway + offset;
    expect(graphUrl).toBe(`http://localhost:${gatewayPort}/graphql`);

    // The graph answers with seeded data from every subgraph.
    const contract = parse(
      readFileSync(join(workspaceRoot(), 'contract/operations.graphql'), 'utf8'),
    );
    const homePage = contract.definitions.find(
      (d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === 'HomePage',
    )!;
    const home = await gql(`http://127.0.0.1:${gatewayPort}/graphql`, print(homePage));
    expect(home.errors).toBeUndefined();
    expect(home.data?.articles.nodes.length).toBeGreaterThan(0);
    expect(home.data?.threads.nodes.length).toBeGreaterThan(0);
    expect(home.data?.libraryItems.nodes.length).toBeGreaterThan(0);
    expect(home.data?.latestBulletinIssue).not.toBeNull();

    const started = descendants(child.pid!);
    expect(started.length).toBeGreaterThan(8);
    const ports = [
      DEFAULT_PORTS.gateway,
      DEFAULT_PORTS.content,
      DEFAULT_PORTS.ferretdb,
      DEFAULT_PORTS.redis,
      DEFAULT_PORTS.smtp,
    ].map((p) => p + offset);

    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.kill('SIGTERM');
    // A generous bound: the supervisor escalates to SIGKILL after 8 s by construction.
    const code = await Promise.race([
      exited,
      new Promise<'hung'>((r) => setTimeout(() => r('hung'), 30_000)),
    ]);
    expect(code).toBe(0);
    expect(started.filter(alive)).toEqual([]);
    for (const port of ports) expect(await isPortOpen(port)).toBe(false);
  }, 600_000);
});
