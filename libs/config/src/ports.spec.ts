import { describe, expect, it } from 'vitest';
import { DEFAULT_PORTS, FETCH_BLOCKED_PORTS, localHttpPorts, portOffsetProblem } from './ports';

describe('PORT_OFFSET', () => {
  it('accepts the default and ordinary offsets', () => {
    expect(portOffsetProblem(undefined)).toBeNull();
    expect(portOffsetProblem('0')).toBeNull();
    expect(portOffsetProblem('11000')).toBeNull();
  });

  it('refuses an offset that puts the gateway on 6000, naming the app and the port', () => {
    expect(portOffsetProblem('2000')).toMatch(/PORT_OFFSET=2000 puts gateway on 6000.*refuse/);
  });

  it('refuses every offset that lands any HTTP port on the blocked list', () => {
    for (const blocked of [6665, 6669, 10080]) {
      const offset = blocked - DEFAULT_PORTS.content;
      expect(portOffsetProblem(String(offset))).toContain(`content on ${blocked}`);
    }
    // The mail sink's web view is HTTP too.
    expect(portOffsetProblem(String(6000 - DEFAULT_PORTS.smtpHttp))).toContain('smtpHttp on 6000');
    // Every offset in range, compared once at the end (an expect per offset takes half a minute).
    const disagreements: number[] = [];
    for (let offset = 0; offset <= 50_000; offset += 1) {
      const hit = Object.values(localHttpPorts(offset)).some((p) => FETCH_BLOCKED_PORTS.has(p));
      if ((portOffsetProblem(String(offset)) !== null) !== hit) disagreements.push(offset);
    }
    expect(disagreements).toEqual([]);
  });

  it('refuses what is not a whole number in range', () => {
    for (const bad of ['-1', '1.5', 'x', '50001'])
      expect(portOffsetProblem(bad)).toMatch(/whole number/);
  });
});
