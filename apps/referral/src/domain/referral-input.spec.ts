import { describe, expect, it } from 'vitest';
import { XSS_PAYLOADS, looksExecutable } from '@portal/testing';
import {
  createCategoryInput,
  submitFeedbackInput,
  trackingCodeArgs,
  updateCategoryArgs,
  updateStatusArgs,
} from './referral-input';

const feedback = {
  subject: 'Mất nước kéo dài',
  body: 'Khu phố 3 phường Bến Nghé mất nước từ sáng.',
};

describe('input schemas', () => {
  it('report every bad field at once', () => {
    const result = submitFeedbackInput.safeParse({
      subject: 'ab',
      body: '',
      contactEmail: 'not-an-email',
      categoryCode: 'x',
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths.sort()).toEqual(['body', 'categoryCode', 'contactEmail', 'subject']);
  });

  it('keep no markup from people', () => {
    for (const payload of XSS_PAYLOADS) {
      const parsed = submitFeedbackInput.safeParse({
        subject: `Tiêu đề ${payload}`,
        body: `Nội dung phản ánh ${payload}`,
      });
      if (!parsed.success) continue;
      expect(looksExecutable(parsed.data.subject)).toBe(false);
      expect(looksExecutable(parsed.data.body)).toBe(false);
    }
    expect(
      submitFeedbackInput.parse({ ...feedback, subject: '<b>Mất nước</b> kéo dài' }).subject,
    ).toBe('Mất nước kéo dài');
  });

  it('normalize category codes and refuse unknown agencies', () => {
    expect(submitFeedbackInput.parse({ ...feedback, categoryCode: ' nuoc ' }).categoryCode).toBe(
      'NUOC',
    );
    const bad = createCategoryInput.safeParse({
      code: 'CAY-XANH',
      name: 'Cây xanh',
      targetAgency: 'SO-KHONG-CO',
      slaHours: 0,
    });
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'slaHours',
      'targetAgency',
    ]);
    expect(updateCategoryArgs.safeParse({ code: 'NUOC', input: {} }).success).toBe(false);
  });

  it('let people set only the statuses that are theirs to set', () => {
    const id = 'a'.repeat(24);
    expect(updateStatusArgs.safeParse({ id, status: 'RESOLVED' }).success).toBe(true);
    expect(updateStatusArgs.safeParse({ id, status: 'FORWARDED' }).success).toBe(false);
    expect(updateStatusArgs.safeParse({ id: 'nope', status: 'RESOLVED' }).success).toBe(false);
  });

  it('normalize tracking codes, and refuse anything else', () => {
    expect(trackingCodeArgs.parse({ code: 'hl 7k3q 9xd2' }).code).toBe('HL-7K3Q-9XD2');
    expect(trackingCodeArgs.safeParse({ code: 'HL-0000-0000' }).success).toBe(false);
  });
});
