import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('forum', import.meta.dirname, { services: true });
