// A small open-loop load generator: operations started at a steady rate whatever the answers
// take (a slow system does not slow the load down), each answer recorded with its timing,
// HTTP status and the GraphQL errors inside its body.

/** What one operation did. */
export interface Outcome {
  status: number;
  /** `extensions.code` (or the message) of each GraphQL error in the body. */
  errors: string[];
  /** The raw body, kept for the leak checks (internal hosts, stacks). */
  body: string;
  /** Something the operation wants checked later (an id, a tracking code). */
  result?: unknown;
}

export interface LoadOperation {
  name: string;
  kind: 'read' | 'write';
  /** Relative share of the traffic. */
  weight: number;
  run(signal: AbortSignal): Promise<Outcome>;
}

export interface Sample {
  op: string;
  kind: 'read' | 'write';
  /** When it started (ms since the epoch) and how long it took. */
  at: number;
  ms: number;
  status: number;
  errors: string[];
  body: string;
  result?: unknown;
}

export interface LoadOptions {
  ratePerSecond: number;
  operations: LoadOperation[];
  /** A request still unanswered after this is recorded as failed (status 0). */
  timeoutMs?: number;
  /** Requests in flight beyond this are skipped (and counted), so a stall cannot pile up memory. */
  maxInFlight?: number;
  /** Keep bodies of this many samples at most per operation (the rest are dropped after checks). */
  keepBodies?: boolean;
}

/** Sends `operations` in proportion to their weights at `ratePerSecond` until stopped. */
export class SteadyLoad {
  readonly samples: Sample[] = [];
  skipped = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly schedule: LoadOperation[];
  private next = 0;

  constructor(private readonly options: LoadOptions) {
    // A deterministic interleaving of the operations by weight (smooth weighted round robin).
    const total = options.operations.reduce((s, o) => s + o.weight, 0);
    const current = options.operations.map(() => 0);
    this.schedule = [];
    for (let i = 0; i < total; i++) {
      options.operations.forEach((o, j) => (current[j]! += o.weight));
      const best = current.indexOf(Math.max(...current));
      current[best]! -= total;
      this.schedule.push(options.operations[best]!);
    }
  }

  start(): this {
    const interval = 1000 / this.options.ratePerSecond;
    let due = performance.now();
    const tick = () => {
      const now = performance.now();
      while (due <= now) {
        this.fire();
        due += interval;
      }
      this.timer = setTimeout(tick, Math.max(1, due - performance.now()));
    };
    tick();
    return this;
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await Promise.all([...this.inFlight]);
  }

  /** Samples of `op` (or every one) started in [from, to). */
  window(from: number, to = Infinity, op?: string): Sample[] {
    return this.samples.filter((s) => s.at >= from && s.at < to && (!op || s.op === op));
  }

  private fire(): void {
    const op = this.schedule[this.next++ % this.schedule.length]!;
    if (this.inFlight.size >= (this.options.maxInFlight ?? 500)) {
      this.skipped += 1;
      return;
    }
    const at = Date.now();
    const started = performance.now();
    const signal = AbortSignal.timeout(this.options.timeoutMs ?? 30_000);
    const task = op
      .run(signal)
      .catch((err: Error): Outcome => ({
        status: 0,
        errors: [`transport: ${err.message}`],
        body: '',
      }))
      .then((outcome) => {
        this.samples.push({
          op: op.name,
          kind: op.kind,
          at,
          ms: performance.now() - started,
          status: outcome.status,
          errors: outcome.errors,
          body: this.options.keepBodies === false ? '' : outcome.body,
          result: outcome.result,
        });
      });
    this.inFlight.add(task);
    void task.finally(() => this.inFlight.delete(task));
  }
}

/** The p-th percentile (0–100) of `values`; NaN when empty. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** HTTP failures (no answer or 5xx; 429 counted apart) and answers with GraphQL errors. */
export function summarize(samples: Sample[]) {
  const reads = samples.filter((s) => s.kind === 'read' && s.status === 200);
  return {
    requests: samples.length,
    httpFailures: samples.filter((s) => s.status === 0 || s.status >= 500).length,
    rateLimited: samples.filter((s) => s.status === 429).length,
    graphqlErrors: samples.filter((s) => s.status === 200 && s.errors.length > 0).length,
    p95ReadMs: percentile(
      reads.map((s) => s.ms),
      95,
    ),
    p50ReadMs: percentile(
      reads.map((s) => s.ms),
      50,
    ),
  };
}
