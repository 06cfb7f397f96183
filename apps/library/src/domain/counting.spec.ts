import { describe, expect, it } from 'vitest';
import { cityDay, clientIdentity, deltasFromCounters } from './counting';

describe('counting', () => {
  it('counts days in Ho Chi Minh City time', () => {
    expect(cityDay(new Date('2025-05-31T16:59:59Z'))).toBe('20250531');
    expect(cityDay(new Date('2025-05-31T17:00:00Z'))).toBe('20250601');
  });

  it('bounds a client key to a short, stable field', () => {
    const a = clientIdentity('client-key-1');
    expect(a).toBe(clientIdentity('client-key-1'));
    expect(a).not.toBe(clientIdentity('client-key-2'));
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('sums pending counters per item and skips anything malformed', () => {
    const id = 'a'.repeat(24);
    const deltas = deltasFromCounters({
      [`download:${id}`]: '3',
      [`view:${id}`]: '5',
      'download:not-an-id': '2',
      [`like:${id}`]: '1',
      [`view:${'b'.repeat(24)}`]: '-4',
      [`tryIt:${'c'.repeat(24)}`]: '2',
    });
    expect([...deltas]).toEqual([
      [id, { download: 3, view: 5, tryIt: 0 }],
      ['c'.repeat(24), { download: 0, view: 0, tryIt: 2 }],
    ]);
  });
});
