import { z } from 'zod';

export const MAX_QUESTION_LENGTH = 500;

/** The arguments of `ask`, checked (BAD_USER_INPUT names `question` or `conversationId`). */
export const askArgs = z.object({
  question: z
    .string()
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(2, 'must have at least 2 characters')
        .max(MAX_QUESTION_LENGTH, `must have at most ${MAX_QUESTION_LENGTH} characters`)
        .refine((s) => /[\p{L}\p{N}]/u.test(s), 'must contain words'),
    ),
  conversationId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{22}$/, 'must be a conversation id returned by ask')
    .nullish(),
  mode: z.enum(['EXTRACTIVE', 'GENERATIVE']).nullish(),
});

export type AskArgs = z.output<typeof askArgs>;

/** Whether a question leans on the previous one ("còn Quận 3 thì sao?", "what about…"). */
export function isFollowUp(question: string, topicWords: number): boolean {
  const q = ` ${question.toLowerCase()} `;
  return (
    topicWords <= 2 ||
    /^\s*(còn|con|vậy|vay|thế còn|the con|what about|and|how about)\b/i.test(question) ||
    /(thì sao|thi sao|nó|đó|ấy)\W/i.test(q)
  );
}
