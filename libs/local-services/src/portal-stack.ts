import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DEFAULT_PORTS } from '@portal/config';
import { workspaceRoot } from './paths';

/**
 * Where the apps of a local stack reach one another (GATEWAY_URL … OPENDATA_URL): each on
 * loopback at `port(app)`. `npm start` and the resilience stack give every app these.
 */
export function stackUrlsEnv(
  port: (name: keyof typeof DEFAULT_PORTS) => number,
): Record<string, string> {
  const url = (name: keyof typeof DEFAULT_PORTS) => `http://127.0.0.1:${port(name)}`;
  return {
    GATEWAY_URL: url('gateway'),
    CONTENT_URL: url('content'),
    LIBRARY_URL: url('library'),
    FORUM_URL: url('forum'),
    BULLETIN_URL: url('bulletin'),
    REFERRAL_URL: url('referral'),
    ENGAGEMENT_URL: url('engagement'),
    ASSISTANT_URL: url('assistant'),
    HOTLINE_URL: url('hotline-sim'),
    OPENDATA_URL: url('opendata-sim'),
  };
}

/** The whole portal as `npm start` runs it, once its graph is ready. */
export interface PortalStack {
  child: ChildProcess;
  /** The graph's address, as the stack printed it. */
  graphUrl: string;
  /** What the stack printed (the last `keepLines` lines, if given). */
  output: string[];
}

/**
 * Starts the whole portal as `npm start` does (tools/dev-services/src/start.ts) with `env`
 * and waits until it says its graph is ready. If it exits first, rejects with
 * `<exitedEarly> (<exit code>):` and the last `tailLines` lines it printed.
 */
export async function startPortalStack(
  env: NodeJS.ProcessEnv,
  options: { exitedEarly: string; tailLines: number; keepLines?: number },
): Promise<PortalStack> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(workspaceRoot(), 'tools/dev-services/src/start.ts')],
    { cwd: workspaceRoot(), env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  const graphUrl = await new Promise<string>((resolve, reject) => {
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        output.push(line);
        if (options.keepLines !== undefined && output.length > options.keepLines) output.shift();
        const match = /Portal graph ready at (http:\/\/\S+)/.exec(line);
        if (match) resolve(match[1]!);
      });
    }
    child.once('exit', (code) =>
      reject(
        new Error(
          `${options.exitedEarly} (${code}):\n${output.slice(-options.tailLines).join('\n')}`,
        ),
      ),
    );
  });
  return { child, graphUrl, output };
}
