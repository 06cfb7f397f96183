// `npm run bench -- federation` in its smoke mode, so the benchmark never rots: it starts its
// own stack, our gateway and Hive Gateway, and checks that every target answers every
// public contract query without errors (it measures nothing worth reading here).
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
        env: { ...benchEnv(), BENCH_SMOKE: '1' },
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
  }, 900_000);
});
