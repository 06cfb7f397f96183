import { z } from 'zod';
import { APP_CATEGORIES, SHOWCASE_AWARDS } from '@portal/queue';
import { dateValue, objectIdString, optionalText, plainText } from './input-text';

export const ROUND_KINDS = ['SUBMISSION', 'JUDGING', 'PUBLIC_VOTE'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

export const contestInput = z
  .object({
    title: plainText(3, 200),
    description: optionalText(5000),
    rules: plainText(10, 20_000),
    eligibility: plainText(3, 2000),
    rounds: z
      .array(
        z.object({
          kind: z.enum(ROUND_KINDS),
          title: plainText(1, 200),
          startsAt: dateValue,
          endsAt: dateValue,
        }),
      )
      .min(1, 'must have at least one round')
      .max(10),
    criteria: z
      .array(
        z.object({
          name: plainText(1, 200),
          weight: z.number().positive('must be more than 0').max(100),
          maxScore: z.number().int('must be a whole number').min(1).max(100),
        }),
      )
      .max(20)
      .nullish(),
    prizes: z
      .array(
        z.object({
          rank: z.number().int().min(1).max(50),
          title: plainText(1, 200),
          description: optionalText(1000),
        }),
      )
      .max(50)
      .nullish(),
  })
  .superRefine((c, ctx) => {
    c.rounds.forEach((r, i) => {
      if (r.endsAt <= r.startsAt)
        ctx.addIssue({
          code: 'custom',
          path: ['rounds', i, 'endsAt'],
          message: 'must be after startsAt',
        });
      const prev = c.rounds[i - 1];
      if (prev && r.startsAt < prev.endsAt)
        ctx.addIssue({
          code: 'custom',
          path: ['rounds', i, 'startsAt'],
          message: 'must not overlap the round before',
        });
    });
    if (c.rounds[0]?.kind !== 'SUBMISSION')
      ctx.addIssue({
        code: 'custom',
        path: ['rounds', 0, 'kind'],
        message: 'the first round takes submissions',
      });
    if (c.rounds.some((r) => r.kind === 'JUDGING') && !c.criteria?.length)
      ctx.addIssue({
        code: 'custom',
        path: ['criteria'],
        message: 'a judging round needs criteria',
      });
    const ranks = (c.prizes ?? []).map((p) => p.rank);
    if (new Set(ranks).size !== ranks.length)
      ctx.addIssue({ code: 'custom', path: ['prizes'], message: 'must not repeat a rank' });
  });
export type ContestInput = z.output<typeof contestInput>;

export const entryInput = z.object({
  title: plainText(3, 200),
  description: plainText(10, 10_000),
  /** Files uploaded through the library's /uploads endpoint. */
  fileIds: z.array(objectIdString).max(20).nullish(),
  team: z
    .array(z.object({ name: plainText(1, 120), role: optionalText(120) }))
    .min(1, 'must name at least one member')
    .max(10),
});
export type EntryInput = z.output<typeof entryInput>;

export const scoresInput = z
  .array(
    z.object({
      criterionId: z.string().min(1).max(20),
      score: z.number().int('must be a whole number').min(0),
    }),
  )
  .min(1, 'must score at least one criterion')
  .max(20);

export const winnersInput = z
  .array(z.object({ entryId: objectIdString, rank: z.number().int().min(1).max(50) }))
  .max(50);

export const judgeIdsInput = z.array(z.string().trim().min(1).max(200)).max(50);

/** What an editor adds when promoting a winner to the library's showcase. */
export const promotionInput = z.object({
  category: z.enum(APP_CATEGORIES),
  tryItUrl: z
    .url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'must be an http(s) URL' })
    .max(2000, 'must be at most 2000 characters'),
  /** Defaults from the winner's rank. */
  award: z.enum(SHOWCASE_AWARDS).nullish(),
  demoVideoItemId: objectIdString.nullish(),
});
export type PromotionInput = z.output<typeof promotionInput>;
