import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('testing', import.meta.dirname);
