import { describe, expect, it } from 'vitest';
import { eventInput } from './event-input';
import { allReminderJobIds, reminderJobId, remindersFor } from './event-rules';

const HOUR = 3600_000;

describe('event reminders', () => {
  const start = new Date('2026-06-15T02:00:00Z');
  it('are due a day and an hour before, only while still ahead', () => {
    expect(remindersFor(start, new Date(start.getTime() - 48 * HOUR))).toEqual([
      { kind: 'DAY_BEFORE', at: new Date(start.getTime() - 24 * HOUR) },
      { kind: 'HOUR_BEFORE', at: new Date(start.getTime() - HOUR) },
    ]);
    expect(remindersFor(start, new Date(start.getTime() - 2 * HOUR)).map((r) => r.kind)).toEqual([
      'HOUR_BEFORE',
    ]);
    expect(remindersFor(start, start)).toEqual([]);
  });
  it('have ids fixed by event, kind and start time', () => {
    expect(reminderJobId('e1', 'DAY_BEFORE', start)).toBe(
      `reminder-e1-DAY_BEFORE-${start.getTime()}`,
    );
    expect(allReminderJobIds('e1', start)).toEqual([
      `reminder-e1-DAY_BEFORE-${start.getTime()}`,
      `reminder-e1-HOUR_BEFORE-${start.getTime()}`,
    ]);
  });
});

describe('event input', () => {
  const base = {
    title: 'Hội thảo',
    startsAt: new Date('2026-06-15T02:00:00Z'),
    endsAt: new Date('2026-06-15T04:00:00Z'),
    capacity: 100,
    onlineUrl: 'https://meet.example.vn/abc',
  };
  it('defaults the time zone to Asia/Ho_Chi_Minh and orders the agenda', () => {
    const parsed = eventInput.parse({
      ...base,
      agenda: [
        { startsAt: new Date('2026-06-15T03:00:00Z'), title: 'Thảo luận' },
        { startsAt: new Date('2026-06-15T02:00:00Z'), title: 'Khai mạc' },
      ],
    });
    expect(parsed.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(parsed.agenda.map((a) => a.title)).toEqual(['Khai mạc', 'Thảo luận']);
  });
  it('needs an https link or a venue, and a plausible length', () => {
    const issues = (v: object) =>
      eventInput.safeParse({ ...base, ...v }).error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(issues({ onlineUrl: 'http://meet.example.vn' })).toEqual(['onlineUrl']);
    expect(issues({ onlineUrl: null })).toEqual(['onlineUrl']);
    expect(issues({ onlineUrl: null, venue: 'Hội trường A' })).toEqual([]);
    expect(issues({ endsAt: new Date('2026-06-30T00:00:00Z') })).toEqual(['endsAt']);
  });
});
