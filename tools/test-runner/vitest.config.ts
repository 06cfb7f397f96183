import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('tool-test-runner', import.meta.dirname);
