import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Viewer } from '@portal/auth';
import { planFeedback } from './feedback';
import { submitFeedbackInput } from './referral-input';

const citizen: Viewer = {
  ...ANONYMOUS,
  id: 'c1',
  displayName: 'Nguyễn Văn An',
  email: 'an@example.vn',
  roles: ['citizen'],
};
const input = (extra: Record<string, unknown> = {}) =>
  submitFeedbackInput.parse({
    subject: 'Đèn đường hỏng',
    body: 'Đèn đường trên phố Lê Lợi không sáng đã ba hôm.',
    ...extra,
  });

describe('planFeedback', () => {
  it('routes feedback with a hotline category to the hotline, and the rest to the forum', () => {
    expect(planFeedback(citizen, input({ categoryCode: 'do-thi' })).route).toBe('HOTLINE');
    expect(planFeedback(citizen, input()).route).toBe('FORUM');
  });

  it("answers at the address given, else at the person's own", () => {
    expect(planFeedback(citizen, input()).contactEmail).toBe('an@example.vn');
    expect(planFeedback(citizen, input({ contactEmail: ' Other@Example.VN ' })).contactEmail).toBe(
      'other@example.vn',
    );
    expect(planFeedback(citizen, input()).author).toEqual({
      id: 'c1',
      displayName: 'Nguyễn Văn An',
    });
  });

  it('needs a contact e-mail from someone not signed in', () => {
    expect(() => planFeedback(ANONYMOUS, input())).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'input.contactEmail', message: 'is required when not signed in' }],
      }),
    );
    const plan = planFeedback(ANONYMOUS, input({ contactEmail: 'a@b.vn' }));
    expect(plan).toEqual({ route: 'FORUM', contactEmail: 'a@b.vn', author: null });
  });
});
