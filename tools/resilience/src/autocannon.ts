// autocannon ships no types: the part of its API the soak uses, typed here.
import autocannonModule from 'autocannon';

export interface AutocannonRequest {
  method?: 'GET' | 'POST';
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (
    request: AutocannonRequest,
    context: Record<string, unknown>,
  ) => AutocannonRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}

export interface AutocannonOptions {
  url: string;
  connections?: number;
  overallRate?: number;
  duration?: number;
  timeout?: number;
  requests?: AutocannonRequest[];
}

export interface AutocannonResult {
  latency: { p50: number; p90: number; p97_5: number; p99: number; average: number; max: number };
  requests: { total: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** Runs autocannon to the end and resolves with its result. */
export function runAutocannon(options: AutocannonOptions): Promise<AutocannonResult> {
  const run = autocannonModule as unknown as (
    options: AutocannonOptions,
    done: (err: Error | null, result: AutocannonResult) => void,
  ) => unknown;
  return new Promise((resolve, reject) => {
    run(options, (err, result) => (err ? reject(err) : resolve(result)));
  });
}
