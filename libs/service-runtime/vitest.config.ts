import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('service-runtime', import.meta.dirname);
