import { mkdirSync } from 'node:fs';
import { waitForPort } from './net';
import { ManagedProcess } from './process-group';
import { ensureDebianPackage } from './system-packages';

export interface StartedRedis {
  url: string;
  process: ManagedProcess;
}

/**
 * Starts the machine's redis-server on 127.0.0.1:`port` with data in `dir`:
 * AOF persistence when `persistent` (local runs), none for tests; `noeviction`, as BullMQ requires.
 */
export async function startRedis(options: {
  port: number;
  dir: string;
  persistent: boolean;
  log?: (line: string) => void;
  output?: 'prefix' | 'ignore' | 'file';
  logFile?: string;
}): Promise<StartedRedis> {
  const binary = ensureDebianPackage('redis-server', 'redis-server', options.log);
  mkdirSync(options.dir, { recursive: true });
  const proc = new ManagedProcess({
    name: 'redis',
    command: binary,
    args: [
      '--port',
      String(options.port),
      '--bind',
      '127.0.0.1',
      '--dir',
      options.dir,
      '--daemonize',
      'no',
      '--save',
      '',
      '--appendonly',
      options.persistent ? 'yes' : 'no',
      '--maxmemory-policy',
      'noeviction',
      '--loglevel',
      'warning',
    ],
    output: options.output ?? 'ignore',
    logFile: options.logFile,
  });
  await waitForPort(options.port, { timeoutMs: 30_000, isAlive: () => proc.running });
  return { url: `redis://127.0.0.1:${options.port}`, process: proc };
}
