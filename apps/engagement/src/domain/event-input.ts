import { z } from 'zod';
import { dateValue, optionalText, plainText } from './input-text';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const MAX_DURATION_MS = 7 * 24 * 3600_000;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Links people are sent to: https only (a livestream platform or a meeting). */
const httpsUrl = z
  .string()
  .trim()
  .max(500, 'must be at most 500 characters')
  .refine((v) => {
    try {
      return new URL(v).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an https:// link');

export const eventInput = z
  .object({
    title: plainText(3, 200),
    description: optionalText(10_000),
    startsAt: dateValue,
    endsAt: dateValue,
    timeZone: z.string().trim().refine(isTimeZone, 'must be an IANA time zone').nullish(),
    speakers: z
      .array(
        z.object({
          name: plainText(1, 120),
          title: optionalText(200),
          organization: optionalText(200),
        }),
      )
      .max(30)
      .nullish(),
    agenda: z
      .array(
        z.object({ startsAt: dateValue, title: plainText(1, 200), speaker: optionalText(120) }),
      )
      .max(50)
      .nullish(),
    capacity: z.number().int('must be a whole number').min(1, 'must be at least 1').max(100_000),
    onlineUrl: httpsUrl.nullish(),
    venue: optionalText(300),
  })
  .superRefine((e, ctx) => {
    if (e.endsAt <= e.startsAt)
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
    else if (e.endsAt.getTime() - e.startsAt.getTime() > MAX_DURATION_MS)
      ctx.addIssue({
        code: 'custom',
        path: ['endsAt'],
        message: 'must be within 7 days of startsAt',
      });
    if (!e.onlineUrl && !e.venue)
      ctx.addIssue({
        code: 'custom',
        path: ['onlineUrl'],
        message: 'an online link or a venue is needed',
      });
    (e.agenda ?? []).forEach((item, i) => {
      if (item.startsAt < e.startsAt || item.startsAt > e.endsAt)
        ctx.addIssue({
          code: 'custom',
          path: ['agenda', i, 'startsAt'],
          message: 'must be within the event',
        });
    });
  })
  .transform((e) => ({
    ...e,
    timeZone: e.timeZone ?? DEFAULT_TIME_ZONE,
    speakers: e.speakers ?? [],
    agenda: [...(e.agenda ?? [])].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
    onlineUrl: e.onlineUrl ?? null,
  }));

export type EventInput = z.output<typeof eventInput>;

export const questionText = plainText(3, 500);
