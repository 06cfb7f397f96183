import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('local-services', import.meta.dirname);
