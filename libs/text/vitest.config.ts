import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('text', import.meta.dirname);
