import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('auth', import.meta.dirname);
