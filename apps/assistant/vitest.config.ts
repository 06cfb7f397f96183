import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('assistant', import.meta.dirname, { services: true });
