import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('tool-dev-services', import.meta.dirname);
