import { z } from 'zod';
import { objectIdSchema } from '@portal/db';
import { stripAllTags } from '@portal/html';
import { isUnitCode } from '@portal/reference-data';
import { REFERRAL_SOURCES, REFERRAL_STATUSES, STAFF_SETTABLE } from './referral-status';
import { normalizeTrackingCode } from './tracking-code';

/** Plain text from people: tags removed (entities stay escaped), trimmed, within limits. */
function text(min: number, max: number) {
  return z
    .string()
    .transform((v) => stripAllTags(v))
    .pipe(
      z
        .string()
        .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
        .max(max, `must be at most ${max} characters`),
    );
}

const optionalText = (max: number) =>
  text(0, max)
    .nullish()
    .transform((v) => (v ? v : null));

export const objectIdString = objectIdSchema();

export const categoryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,29}$/, 'must be 2-30 letters, digits or dashes');

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('must be an e-mail address').max(254, 'must be at most 254 characters'));

const unitCode = z
  .string()
  .trim()
  .refine(isUnitCode, 'must be a unit code from the reference data (e.g. SO-YT)');

const slaHours = z
  .number()
  .int('must be a whole number of hours')
  .min(1, 'must be at least 1 hour')
  .max(24 * 90, 'must be at most 2160 hours (90 days)');

export const submitFeedbackInput = z.object({
  subject: text(5, 200),
  body: text(10, 5000),
  contactEmail: email.nullish().transform((v) => v ?? null),
  categoryCode: categoryCodeSchema.nullish().transform((v) => v ?? null),
});
export type SubmitFeedbackInput = z.output<typeof submitFeedbackInput>;

export const referThreadArgs = z.object({
  threadId: objectIdString,
  categoryCode: categoryCodeSchema,
  note: optionalText(2000),
});

export const referPostArgs = referThreadArgs.extend({ postId: objectIdString });

export const updateStatusArgs = z.object({
  id: objectIdString,
  status: z
    .enum(REFERRAL_STATUSES)
    .refine(
      (s) => STAFF_SETTABLE.includes(s),
      `must be one of ${STAFF_SETTABLE.join(', ')} (the others are set by the dispatcher)`,
    ),
  note: optionalText(2000),
  publicResponse: optionalText(5000),
});

export const referralIdArgs = z.object({ id: objectIdString });

export const trackingCodeArgs = z.object({
  code: z
    .string()
    .max(40, 'is too long')
    .transform((v, ctx) => {
      const code = normalizeTrackingCode(v);
      if (!code) {
        ctx.addIssue({ code: 'custom', message: 'must look like HL-7K3Q-9XD2' });
        return z.NEVER;
      }
      return code;
    }),
});

export const referralFilterInput = z
  .object({
    status: z.enum(REFERRAL_STATUSES).nullish(),
    overdue: z.boolean().nullish(),
    agency: unitCode.nullish(),
    categoryCode: categoryCodeSchema.nullish(),
    source: z.enum(REFERRAL_SOURCES).nullish(),
  })
  .nullish()
  .transform((v) => v ?? {});
export type ReferralFilterInput = z.output<typeof referralFilterInput>;

export const createCategoryInput = z.object({
  code: categoryCodeSchema,
  name: text(3, 200),
  targetAgency: unitCode,
  slaHours,
});
export type CreateCategoryInput = z.output<typeof createCategoryInput>;

export const updateCategoryArgs = z.object({
  code: categoryCodeSchema,
  input: z
    .object({
      name: text(3, 200).nullish(),
      targetAgency: unitCode.nullish(),
      slaHours: slaHours.nullish(),
      active: z.boolean().nullish(),
    })
    .refine((i) => Object.values(i).some((v) => v !== null && v !== undefined), {
      message: 'must change at least one field',
    }),
  expectedVersion: z.number().int().min(1).nullish(),
});
export type UpdateCategoryArgs = z.output<typeof updateCategoryArgs>;

export const agencyContactArgs = z.object({
  agency: unitCode,
  email,
  name: optionalText(200),
});
