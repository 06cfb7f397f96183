import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('errors', import.meta.dirname);
