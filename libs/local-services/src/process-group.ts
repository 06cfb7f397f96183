import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface StartProcessOptions {
  name: string;
  command: string;
  args?: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** `prefix`: lines to our stdout tagged with the name; `file`: appended to `logFile`; `ignore`. */
  output?: 'prefix' | 'file' | 'ignore' | 'inherit';
  logFile?: string;
}

const RECENT_LINES = 40;

/** A child process we own: it is stopped with SIGTERM, then SIGKILL if it lingers. */
export class ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  private exitCode: number | null | undefined;
  private readonly recent: string[] = [];

  constructor(options: StartProcessOptions) {
    this.name = options.name;
    const output = options.output ?? 'prefix';
    this.child = spawn(options.command, options.args ?? [], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: output === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exitCode = code ?? (signal ? null : 0);
        resolve(this.exitCode);
      });
      this.child.once('error', () => {
        this.exitCode = -1;
        resolve(-1);
      });
    });
    const tag = `[${options.name}]`.padEnd(16);
    const file =
      output === 'file' && options.logFile
        ? createWriteStream(options.logFile, { flags: 'a' })
        : undefined;
    for (const stream of output === 'inherit' ? [] : [this.child.stdout, this.child.stderr]) {
      if (!stream) continue;
      if (file) stream.pipe(file);
      createInterface({ input: stream }).on('line', (line) => {
        this.recent.push(line);
        if (this.recent.length > RECENT_LINES) this.recent.shift();
        if (output === 'prefix') process.stdout.write(`${tag} ${line}\n`);
      });
    }
  }

  /** Its last lines of output (not kept when it inherits ours), to explain a failure. */
  get recentOutput(): string {
    return this.recent.join('\n');
  }

  /** One line on its state and, when it has exited, how and its last output. */
  describe(): string {
    if (this.running) return `${this.name} is running`;
    return `${this.name} exited with ${this.exitCode ?? 'a signal'}; its last output:\n${this.recentOutput}`;
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  /** SIGTERM, then SIGKILL after `timeoutMs`. Resolves when the process is gone. */
  async stop(timeoutMs = 8000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/**
 * Processes started together and stopped together: apps first, then the infrastructure
 * (database, Redis) they were still talking to.
 */
export class ProcessGroup {
  private readonly processes: ManagedProcess[] = [];
  private readonly infrastructure = new Set<ManagedProcess>();

  start(options: StartProcessOptions, role: 'app' | 'infrastructure' = 'app'): ManagedProcess {
    return this.add(new ManagedProcess(options), role);
  }

  /** Takes ownership of a process started elsewhere. */
  add(proc: ManagedProcess, role: 'app' | 'infrastructure' = 'app'): ManagedProcess {
    this.processes.push(proc);
    if (role === 'infrastructure') this.infrastructure.add(proc);
    return proc;
  }

  get all(): readonly ManagedProcess[] {
    return this.processes;
  }

  /** Stops apps in parallel (they shut down on SIGTERM), then the infrastructure; each tier within `timeoutMs / 2`. */
  async stopAll(timeoutMs = 8000): Promise<void> {
    const apps = this.processes.filter((p) => !this.infrastructure.has(p));
    await Promise.all(apps.map((p) => p.stop(timeoutMs / 2)));
    await Promise.all([...this.infrastructure].map((p) => p.stop(timeoutMs / 2)));
  }
}
