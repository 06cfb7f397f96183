import { describe, expect, it } from 'vitest';
import { dayKey, dayStart, statsRange } from './stat-periods';

describe('city days', () => {
  it('counts a day from midnight in Ho Chi Minh City (UTC+7)', () => {
    expect(dayKey(new Date('2025-10-31T16:59:59Z'))).toBe('2025-10-31');
    expect(dayKey(new Date('2025-10-31T17:00:00Z'))).toBe('2025-11-01');
    expect(dayStart('2025-11-01').toISOString()).toBe('2025-10-31T17:00:00.000Z');
  });
});

describe('statsRange', () => {
  const range = (from: string, to: string) =>
    statsRange(new Date(`${from}T00:00:00+07:00`), new Date(`${to}T00:00:00+07:00`));

  it('reads whole months from month documents and the rest from day documents', () => {
    const r = range('2025-01-30', '2025-04-03');
    expect(r.add).toEqual([
      'D2025-01-30',
      'D2025-01-31',
      'M2025-02',
      'M2025-03',
      'D2025-04-01',
      'D2025-04-02',
    ]);
    expect(r.subtract).toEqual([]);
  });

  it('covers a calendar year with its year document', () => {
    expect(range('2025-01-01', '2026-01-01')).toMatchObject({ add: ['Y2025'], subtract: [] });
  });

  it('reads a rolling year as this year less the days to come, last December and two days', () => {
    const r = range('2025-11-29', '2026-11-29');
    expect(r.add).toEqual(['D2025-11-29', 'D2025-11-30', 'M2025-12', 'Y2026']);
    expect(r.subtract).toEqual(['D2026-11-29', 'D2026-11-30', 'M2026-12']);
  });

  it('reads a mostly covered month as its document less the days outside the period', () => {
    const mid = range('2025-10-16', '2025-11-01');
    expect(mid.add).toEqual(['M2025-10']);
    expect(mid.subtract).toHaveLength(15);
    expect(mid.subtract[0]).toBe('D2025-10-01');
    // Half or less of a month is read as days.
    const half = range('2025-09-16', '2025-10-01');
    expect(half.subtract).toEqual([]);
    expect(half.add).toHaveLength(15);
  });

  it('takes a leap February whole', () => {
    expect(range('2024-02-01', '2024-03-01')).toMatchObject({
      add: ['M2024-02'],
      subtract: [],
      lastDay: '2024-02-29',
    });
  });

  it('adds up to exactly the days of the period, whatever the period', () => {
    // Each document stands for the days it holds; adding and taking away must leave each
    // day of the period counted once and no other day at all.
    const daysOf = (id: string): string[] => {
      const kind = id[0];
      const key = id.slice(1);
      const all: string[] = [];
      for (let t = Date.UTC(Number(key.slice(0, 4)), 0, 1); ; t += 86_400_000) {
        const day = new Date(t).toISOString().slice(0, 10);
        if (!day.startsWith(key.slice(0, 4))) break;
        if (kind === 'Y' || (kind === 'M' && day.startsWith(key)) || (kind === 'D' && day === key))
          all.push(day);
      }
      return all;
    };
    let seed = 42;
    const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    for (let n = 0; n < 300; n++) {
      const start = Date.UTC(2023, 0, 1) + Math.floor(rand() * 900) * 86_400_000;
      const length = 1 + Math.floor(rand() * 700);
      const first = new Date(start).toISOString().slice(0, 10);
      const end = new Date(start + length * 86_400_000).toISOString().slice(0, 10);
      const r = range(first, end);
      const count = new Map<string, number>();
      for (const id of r.add) for (const d of daysOf(id)) count.set(d, (count.get(d) ?? 0) + 1);
      for (const id of r.subtract)
        for (const d of daysOf(id)) count.set(d, (count.get(d) ?? 0) - 1);
      const counted = [...count].filter(([, c]) => c !== 0);
      expect(
        counted.every(([, c]) => c === 1),
        `${first}..${end}`,
      ).toBe(true);
      expect(counted.map(([d]) => d).sort(), `${first}..${end}`).toEqual(
        Array.from({ length }, (_, i) =>
          new Date(start + i * 86_400_000).toISOString().slice(0, 10),
        ),
      );
      expect(new Set([...r.add, ...r.subtract]).size).toBe(r.add.length + r.subtract.length);
    }
  });

  it('refuses reversed and overlong periods', () => {
    expect(() => statsRange(new Date('2025-02-01Z'), new Date('2025-01-01Z'))).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
    expect(() => statsRange(new Date('2015-01-01Z'), new Date('2025-01-01Z'))).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
  });
});
