// `npm run bench -- federation` in its smoke mode, so the benchmark never rots: on this
// suite's stack (BENCH_STACK; a stack of its own would cost a whole start and seed), it starts
// our second gateway and Hive Gateway and checks that every target answers every public
// contract query without errors (it measures nothing worth reading here).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceRoot } from '@portal/local-services';
import { benchEnv } from '@portal/testing/bench';

describe('the federation benchmark (smoke mode)', () => {
  it('runs every target on every public contract query', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(workspaceRoot(), 'apps/gateway/bench/federation.bench.ts')],
      {
        cwd: workspaceRoot(),
        env: {
          ...benchEnv(),
          BENCH_SMOKE: '1',
          BENCH_STACK: JSON.stringify({
            offset: Number(process.env.E2E_PORT_OFFSET),
            dataDir: process.env.E2E_DATA_DIR,
            internalTokenSecret: process.env.E2E_INTERNAL_TOKEN_SECRET,
            mongoUri: process.env.E2E_MONGODB_URI,
            dbPrefix: process.env.E2E_DB_PREFIX,
            redisUrl: process.env.E2E_REDIS_URL,
          }),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    // CI's summary shows a failure's first line: the bench's last error first, then its output.
    const lines = output.split('\n');
    const lastError =
      lines.find((line) => line.startsWith('federation bench failed:')) ??
      lines.findLast((line) => /\bError\b|EADDRINUSE/.test(line));
    expect(code, `${lastError ?? 'no error line'}\n${output.slice(-4000)}`).toBe(0);
    expect(output).toContain('BENCH {"name":"federation smoke: every target answers"');
    expect(output).toContain(
      `using the running stack at port offset ${process.env.E2E_PORT_OFFSET}`,
    );
  }, 900_000);
});
