import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('content', import.meta.dirname, { services: true });
