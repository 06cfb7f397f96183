import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('reference-data', import.meta.dirname);
