import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('html', import.meta.dirname);
