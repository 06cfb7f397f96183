import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('config', import.meta.dirname);
