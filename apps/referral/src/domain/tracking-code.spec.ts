import { describe, expect, it } from 'vitest';
import {
  TRACKING_ALPHABET,
  TRACKING_CODE_PATTERN,
  newTrackingCode,
  normalizeTrackingCode,
} from './tracking-code';

describe('tracking codes', () => {
  it('look like HL-7K3Q-9XD2 and use no confusable symbol', () => {
    for (let i = 0; i < 200; i++) expect(newTrackingCode()).toMatch(TRACKING_CODE_PATTERN);
    expect(TRACKING_ALPHABET).toHaveLength(31);
    expect(TRACKING_ALPHABET).not.toMatch(/[01ILO]/);
  });

  it('draw every symbol from the random source', () => {
    let n = 0;
    const code = newTrackingCode((max) => n++ % max);
    expect(code).toBe('HL-2345-6789');
    expect(newTrackingCode((max) => max - 1)).toBe('HL-ZZZZ-ZZZZ');
  });

  it('do not repeat in practice', () => {
    const codes = new Set(Array.from({ length: 5000 }, () => newTrackingCode()));
    expect(codes.size).toBe(5000);
  });

  it('accept what people type and refuse what cannot be a code', () => {
    expect(normalizeTrackingCode('hl-7k3q-9xd2')).toBe('HL-7K3Q-9XD2');
    expect(normalizeTrackingCode(' 7K3Q 9XD2 ')).toBe('HL-7K3Q-9XD2');
    expect(normalizeTrackingCode('HL7K3Q9XD2')).toBe('HL-7K3Q-9XD2');
    expect(normalizeTrackingCode('HL-7K3Q-9XD0')).toBeNull();
    expect(normalizeTrackingCode('HL-7K3Q')).toBeNull();
    expect(normalizeTrackingCode('{"$ne":null}')).toBeNull();
  });
});
