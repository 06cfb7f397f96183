/** Where a subgraph's circuit stands: closed (calls go through), open (they fail at once), half-open (one probe). */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive transport failures (timeouts, refused connections) that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one probe call is let through. */
  openMs: number;
  now?: () => number;
  onChange?: (state: CircuitState) => void;
}

/**
 * A circuit breaker for one subgraph. A hung subgraph would otherwise hold every request that
 * touches it for the whole timeout, piling up sockets and memory in the gateway; after
 * `failureThreshold` consecutive transport failures its fetches fail at once for `openMs`,
 * then one probe is let through: its success closes the circuit, its failure opens it again.
 * Any HTTP answer counts as a success (the subgraph is there, whatever it said).
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private current: CircuitState = 'closed';
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    return this.current;
  }

  /** Whether a call may go out now; a `true` in the half-open state makes that call the probe. */
  allow(): boolean {
    if (this.current === 'closed') return true;
    if (this.current === 'open') {
      if (this.now() - this.openedAt < this.options.openMs) return false;
      this.set('half-open');
    }
    if (this.probing) return false;
    this.probing = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.probing = false;
    if (this.current !== 'closed') this.set('closed');
  }

  failure(): void {
    this.probing = false;
    this.failures += 1;
    if (this.current === 'half-open' || this.failures >= this.options.failureThreshold) {
      this.openedAt = this.now();
      if (this.current !== 'open') this.set('open');
    }
  }

  private set(state: CircuitState): void {
    this.current = state;
    this.options.onChange?.(state);
  }
}
