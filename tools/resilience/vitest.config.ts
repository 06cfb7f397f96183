import { defineProjectConfig } from '../../vitest.preset';

// One stack for the one file: its scenarios run in order against it, under one steady load.
export default defineProjectConfig('tool-resilience', import.meta.dirname, {
  sequential: true,
  testTimeout: 900_000,
});
