import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('engagement', import.meta.dirname, { services: true });
