// runHttpApp: an HTTP app that is not a subgraph (the web portal) gets the ops routes on its
// OPS_PORT, with the checks it adds, and shuts down its own server before the ops server.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManagedProcess, freePort, waitForHttp, workspaceRoot } from '@portal/local-services';

describe('runHttpApp', () => {
  it('serves /healthz, /readyz and /metrics on OPS_PORT, and closes the app before the ops server', async () => {
    const [port, opsPort] = [await freePort(), await freePort()];
    const proc = new ManagedProcess({
      name: 'http-app',
      command: process.execPath,
      args: [
        '--import',
        'tsx',
        join(import.meta.dirname, 'fixtures/http-app.ts'),
        String(port),
        String(opsPort),
      ],
      cwd: workspaceRoot(),
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      output: 'ignore',
    });
    let stdout = '';
    proc.child.stdout?.on('data', (chunk) => (stdout += String(chunk)));
    const ops = `http://127.0.0.1:${opsPort}`;
    await waitForHttp(`${ops}/healthz`, { isAlive: () => proc.running });
    await expect.poll(() => stdout, { timeout: 30_000 }).toContain(`ops on ${opsPort}`);
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('hello');

    const ready = await fetch(`${ops}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { 'event-loop': 'ok', upstream: 'ok' },
    });
    expect(await (await fetch(`${ops}/metrics`)).text()).toMatch(/service="http-app"/);

    await proc.stop();
    expect(await proc.exited, proc.describe()).toBe(0);
    expect(stdout).toContain('app server closed, ops 200');
  }, 90_000);
});
