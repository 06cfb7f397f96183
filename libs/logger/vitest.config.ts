import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('logger', import.meta.dirname);
