import { defineProjectConfig } from '../../vitest.preset';

// One whole stack (npm start's) for every file, which therefore run one after another.
export default defineProjectConfig('tool-e2e', import.meta.dirname, {
  globalSetup: ['test/support/stack-setup.ts'],
  sequential: true,
  testTimeout: 120_000,
});
