import { describe, expect, it } from 'vitest';
import { CircuitBreaker, type CircuitState } from './circuit-breaker';

function breaker() {
  let now = 0;
  const changes: CircuitState[] = [];
  const circuit = new CircuitBreaker({
    failureThreshold: 3,
    openMs: 1000,
    now: () => now,
    onChange: (s) => changes.push(s),
  });
  return { circuit, changes, advance: (ms: number) => (now += ms) };
}

describe('subgraph circuit breaker', () => {
  it('opens after the threshold of consecutive failures only', () => {
    const { circuit } = breaker();
    circuit.failure();
    circuit.failure();
    circuit.success();
    circuit.failure();
    circuit.failure();
    expect(circuit.state).toBe('closed');
    expect(circuit.allow()).toBe(true);
    circuit.failure();
    expect(circuit.state).toBe('open');
    expect(circuit.allow()).toBe(false);
  });

  it('lets one probe through after openMs; its success closes, its failure reopens', () => {
    const { circuit, changes, advance } = breaker();
    for (let i = 0; i < 3; i++) circuit.failure();
    advance(999);
    expect(circuit.allow()).toBe(false);
    advance(1);
    expect(circuit.allow()).toBe(true);
    expect(circuit.state).toBe('half-open');
    // Only the probe: everything else still fails fast while it is out.
    expect(circuit.allow()).toBe(false);
    circuit.failure();
    expect(circuit.state).toBe('open');
    expect(circuit.allow()).toBe(false);
    advance(1000);
    expect(circuit.allow()).toBe(true);
    circuit.success();
    expect(circuit.state).toBe('closed');
    expect(circuit.allow()).toBe(true);
    expect(changes).toEqual(['open', 'half-open', 'open', 'half-open', 'closed']);
  });
});
