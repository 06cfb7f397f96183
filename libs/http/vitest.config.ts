import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('http', import.meta.dirname);
