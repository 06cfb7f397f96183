import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('opendata-sim', import.meta.dirname);
