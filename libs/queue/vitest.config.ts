import { defineProjectConfig } from '../../vitest.preset';

export default defineProjectConfig('queue', import.meta.dirname, { services: true });
