import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManagedProcess, freePort, waitForHttp, workspaceRoot } from '@portal/local-services';

describe('subgraph server shutdown', () => {
  it('leaves SIGTERM to the service (onTerminate finishes its cleanup and exits 0), in production too', async () => {
    const port = await freePort();
    const proc = new ManagedProcess({
      name: 'kit-terminate',
      command: process.execPath,
      args: [
        '--import',
        'tsx',
        join(import.meta.dirname, 'fixtures/terminating-subgraph.ts'),
        String(port),
      ],
      cwd: workspaceRoot(),
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production' },
      output: 'ignore',
    });
    let stdout = '';
    proc.child.stdout?.on('data', (chunk) => (stdout += String(chunk)));
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, { isAlive: () => proc.running });
    await proc.stop();
    expect(await proc.exited, proc.describe()).toBe(0);
    expect(stdout).toContain('cleaned up');
  });

  it('a SIGTERM during start-up is a shutdown, not a crash: the interrupted start-up exits 0', async () => {
    const proc = new ManagedProcess({
      name: 'interrupted-start',
      command: process.execPath,
      args: ['--import', 'tsx', join(import.meta.dirname, 'fixtures/interrupted-start.ts')],
      cwd: workspaceRoot(),
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      output: 'ignore',
    });
    let stdout = '';
    let stderr = '';
    proc.child.stdout?.on('data', (chunk) => (stdout += String(chunk)));
    proc.child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
    await expect.poll(() => stdout, { timeout: 60_000 }).toContain('starting');
    await proc.stop();
    expect(await proc.exited, stderr).toBe(0);
    expect(stderr).not.toContain('interrupted');
  }, 90_000);
});
