import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('hotline-sim', import.meta.dirname);
