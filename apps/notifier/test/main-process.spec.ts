// The notifier as production starts it (`src/main.ts`): settings that would break a guarantee
// are refused where its environment is checked, in one line, before anything connects.
import { describe, expect, it } from 'vitest';
import { runEntry } from '@portal/testing';

describe('the notifier process', () => {
  it('refuses a delivery claim shorter than the longest send, saying so in one line', async () => {
    const run = await runEntry('notifier', 'main', {
      SMTP_TIMEOUT_MS: '20000',
      DELIVERY_CLAIM_TTL_MS: '60000',
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      'notifier: invalid configuration: DELIVERY_CLAIM_TTL_MS must exceed 60000 (3 × SMTP_TIMEOUT_MS and WEBHOOK_TIMEOUT_MS)',
    );
  });
});
